// Money arrives in fen (integers) and is shown in yuan with two decimals; no floating point touches it.

/** 12345 -> "123.45", -5 -> "-0.05"; missing -> "—". */
function yuan(fen) {
  if (fen === null || fen === undefined || fen === '') return '—';
  const n = Math.trunc(Number(fen));
  if (!Number.isFinite(n)) return '—';
  const neg = n < 0;
  const abs = Math.abs(n);
  const cents = String(abs % 100).padStart(2, '0');
  return (neg ? '-' : '') + String(Math.floor(abs / 100)) + '.' + cents;
}

/** "¥123.45" */
function money(fen) {
  const y = yuan(fen);
  return y === '—' ? y : '¥' + y;
}

/** "12.5" typed by a person -> 1250 fen exactly; null when it is not an amount with at most two decimals. */
function parseYuan(text) {
  const s = String(text === null || text === undefined ? '' : text).trim();
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}

/** basis points -> "8.00%" */
function percent(bp) {
  if (bp === null || bp === undefined) return '—';
  return yuan(bp) + '%';
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** ISO instant -> "2026-11-25 18:00" in Beijing time (UTC+8, no daylight saving), whatever the phone's zone. */
function when(iso) {
  if (!iso) return '—';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return String(iso);
  const d = new Date(t + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Like when(), date only. */
function day(iso) {
  const s = when(iso);
  return s.length > 10 ? s.slice(0, 10) : s;
}

const COMMISSION_STATUS = {
  PENDING: '待结算', SETTLED: '已结算', AVAILABLE: '可提现',
  WITHDRAWN: '已提现', CANCELLED: '已取消', REVERSED: '已冲正',
};

const WITHDRAWAL_STATUS = {
  REVIEWING: '审核中', AWAITING_SECOND_APPROVAL: '待复核', APPROVED: '已通过', PAYING: '打款中',
  WAIT_USER_CONFIRM: '待确认收款', BANK_EXPORTED: '银行处理中', PAID: '已到账', REJECTED: '已驳回',
  FAILED: '打款失败', CANCELLED: '已取消',
};

const CHANNEL = { WECHAT: '微信零钱', BANK: '银行卡' };

const LEVEL = { 1: '一级', 2: '二级' };

/** The line every page that shows earnings carries (SPEC §2.5). */
const COMPLIANCE_NOTICE = '本平台仅支持两级分佣,收益来自真实消费';

module.exports = {
  yuan, money, parseYuan, percent, when, day,
  COMMISSION_STATUS, WITHDRAWAL_STATUS, CHANNEL, LEVEL, COMPLIANCE_NOTICE,
};
