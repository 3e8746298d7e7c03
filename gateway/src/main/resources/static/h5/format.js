// Shared by the member H5 and the staff console: money, dates, labels. Amounts arrive in fen (integers)
// and are shown in yuan with two decimals; no floating point touches money.

/** 12345 -> "123.45", -5 -> "-0.05". */
export function yuan(fen) {
  if (fen === null || fen === undefined || fen === '') return '—';
  const n = typeof fen === 'bigint' ? fen : BigInt(Math.trunc(Number(fen)));
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return (neg ? '-' : '') + (abs / 100n).toString() + '.' + cents;
}

/** "¥123.45" */
export function money(fen) {
  const y = yuan(fen);
  return y === '—' ? y : '¥' + y;
}

/** "12.5" (yuan typed by a person) -> 1250 fen, exactly; null when it is not an amount. */
export function parseYuan(text) {
  const s = String(text ?? '').trim();
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** basis points -> "8.00%" */
export function percent(bp) {
  if (bp === null || bp === undefined) return '—';
  return yuan(bp) + '%';
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false,
});

/** ISO instant -> "2026/11/25 18:00" in Beijing time (business dates are Asia/Shanghai). */
export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTime.format(d);
}

/** Today in Beijing as yyyy-MM-dd, plus or minus days. */
export function beijingDay(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
  return parts; // en-CA formats as yyyy-MM-dd
}

export const COMMISSION_STATUS = {
  PENDING: '待结算', SETTLED: '已结算', AVAILABLE: '可提现',
  WITHDRAWN: '已提现', CANCELLED: '已取消', REVERSED: '已冲正',
};

export const WITHDRAWAL_STATUS = {
  REVIEWING: '审核中', AWAITING_SECOND_APPROVAL: '待复核', APPROVED: '已通过', PAYING: '打款中',
  BANK_EXPORTED: '银行处理中', PAID: '已到账', REJECTED: '已驳回', FAILED: '打款失败',
};

export const CHANNEL = { WECHAT: '微信零钱', BANK: '银行卡' };

export const LEVEL = { 1: '一级', 2: '二级' };

/** The line every page that shows earnings carries (SPEC §2.5). */
export const COMPLIANCE_NOTICE = '本平台仅支持两级分佣,收益来自真实消费';

/**
 * A tiny element builder: h('div', {class: 'x', onclick: fn}, 'text', child). Text is always set as
 * text, never as HTML, so nicknames and reasons typed by people cannot inject markup.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked' || k === 'disabled' || k === 'selected') el[k] = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A problem body (RFC 9457) as one line a person can read: "详情 (CODE)". */
export function problemText(err) {
  if (!err) return '';
  const detail = err.detail || err.title || err.message || '请求失败';
  return err.code ? `${detail} (${err.code})` : detail;
}

/** Raised by the API clients with the problem body's fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
    this.detail = problem?.detail;
    this.title = problem?.title;
    this.traceId = problem?.traceId;
  }
}

/** Calls the gateway with a bearer token; JSON in and out; problems become ApiError. */
export async function request(token, method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (token) init.headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { detail: '网络异常,请稍后重试', code: 'NETWORK' });
  }
  const text = await res.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { detail: text.slice(0, 200) }; }
  }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

/** Fetches a protected binary (QR image, export file) and returns an object URL for it. */
export async function fetchBlob(token, method, path) {
  const res = await fetch(path, { method, headers: token ? { Authorization: 'Bearer ' + token } : {} });
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch { /* not JSON */ }
    throw new ApiError(res.status, problem);
  }
  const disposition = res.headers.get('Content-Disposition') || '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
  return { url: URL.createObjectURL(await res.blob()), filename: name ? decodeURIComponent(name) : null };
}

/** A new idempotency key (RFC 4122 v4) for a request a person may retry. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
