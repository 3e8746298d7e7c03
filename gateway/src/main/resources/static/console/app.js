// Staff console (运营后台). Plain ES modules, no build step: served by the gateway at /console/ and
// calling the admin REST paths of every service through the gateway (API.md, "Staff").
import {
  ApiError, CHANNEL, COMMISSION_STATUS, COMPLIANCE_NOTICE, LEVEL, WITHDRAWAL_STATUS,
  beijingDay, fetchBlob, h, money, parseYuan, percent, problemText, request, when,
} from '../h5/format.js';

/** The staff login call; the answer's token field is named here only. */
const LOGIN = { path: '/admin/v1/auth/login', tokenField: 'token' };

/** Each service's audit log (append-only, hash-chained), as the gateway routes them: /admin/v1/audit/{service}/… */
const AUDIT_SOURCES = {
  relation: { label: '关系服务', path: '/admin/v1/audit/relation' },
  commission: { label: '佣金服务', path: '/admin/v1/audit/commission' },
  settlement: { label: '结算服务', path: '/admin/v1/audit/settlement' },
};

const EXPORTS = [
  { kind: 'commission-ledger', label: '佣金明细' },
  { kind: 'wallet-ledger', label: '钱包流水' },
  { kind: 'withdrawals', label: '提现记录(手续费、个税、实发)' },
  { kind: 'tax', label: '个税代扣(按人按月)' },
  { kind: 'reconciliation', label: '对账(按日按商品)' },
];

const ROLE = { OPS: '运营', FINANCE: '财务', AUDITOR: '审计(只读)', ADMIN: '管理员' };
const FLAG_REASON = { DEVICE_FLOOD: '同设备注册过多', IP_FLOOD: '同IP注册过多', INVITER_RATE_LIMIT: '邀请绑定过快' };
const FLAG_STATUS = { OPEN: '待处理', CLEARED: '已解除', CONFIRMED: '已确认' };
const APPROVAL_STATUS = { PENDING: '待审批', APPROVED: '已通过', REJECTED: '已驳回', FAILED: '执行失败' };
const MEMBER_STATUS = { ACTIVE: '正常', DISABLED: '已停用' };

const store = {
  get token() { return sessionStorage.getItem('fx.console.token'); },
  set token(v) { v ? sessionStorage.setItem('fx.console.token', v) : sessionStorage.removeItem('fx.console.token'); },
};

/** What the token says about its holder, for display only: the services check it on every call. */
function claims() {
  try {
    const payload = store.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return null;
  }
}

async function api(method, path, body, headers) {
  try {
    return await request(store.token, method, path, body, headers);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && path !== LOGIN.path) {
      store.token = null;
      toast('登录已过期,请重新登录');
      render();
    }
    throw e;
  }
}

// ---------------------------------------------------------------- shell

const view = document.getElementById('view');
const nav = document.getElementById('nav');
let toastTimer;

function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 2500);
}

function show(navKey, title, ...content) {
  document.title = title + ' - 运营后台';
  view.dataset.view = navKey || 'login';
  nav.hidden = !store.token;
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.nav === navKey);
  const c = claims();
  const who = document.getElementById('who');
  who.replaceChildren();
  if (c && store.token) {
    who.append(`工号 ${c.sub} · ${(c.roles || []).map((r) => ROLE[r] || r).join('、')}`,
      h('button', { class: 'plain', id: 'logout', onclick: () => { store.token = null; render(); } }, '退出'));
  }
  view.replaceChildren(h('h1', null, title), ...content.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function errorBox(e) {
  return h('p', { class: 'error', role: 'alert' }, problemText(e));
}

function panel(title, ...content) {
  return h('section', { class: 'panel' }, title ? h('h2', null, title) : null, ...content);
}

/** A table; columns are [title, row => cell, {num}] */
function table(columns, rows, empty = '暂无数据') {
  return h('table', null,
    h('thead', null, h('tr', null, columns.map(([t, , o]) => h('th', { class: o?.num ? 'num' : null }, t)))),
    h('tbody', null, rows.length
      ? rows.map((r) => h('tr', { dataset: { id: r.id ?? '' } }, columns.map(([, f, o]) => h('td', { class: o?.num ? 'num' : null }, f(r)))))
      : h('tr', null, h('td', { colspan: columns.length, class: 'muted' }, empty))));
}

function json(text) {
  if (text === null || text === undefined || text === '') return '';
  try { return JSON.stringify(typeof text === 'string' ? JSON.parse(text) : text, null, 1); } catch { return String(text); }
}

/** Asks for a reason or note in a small dialog; resolves to the text, or null when cancelled. */
function ask(title, { required = true, placeholder = '' } = {}) {
  return new Promise((resolve) => {
    const input = h('textarea', { id: 'dialog-input', rows: 3, style: 'width:100%', placeholder, maxlength: 255 });
    const err = h('div');
    const close = (v) => { dialog.close(); dialog.remove(); resolve(v); };
    const ok = h('button', { id: 'dialog-ok', type: 'button' }, '确定');
    ok.addEventListener('click', () => {
      const v = input.value.trim();
      if (required && !v) { err.replaceChildren(errorBox({ detail: '请填写' + title })); return; }
      close(v);
    });
    const dialog = h('dialog', { id: 'dialog' },
      h('h2', null, title), input, err,
      h('div', { class: 'actions', style: 'margin-top:10px' }, ok,
        h('button', { class: 'plain', type: 'button', id: 'dialog-cancel', onclick: () => close(null) }, '取消')));
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}

/** Whether the holder may change anything (AUDITOR alone is read-only; the services refuse it too). */
function canWrite() {
  return (claims()?.roles || []).some((r) => r !== 'AUDITOR');
}

/**
 * A button that runs fn, shows its problem in out, then refreshes the view when done. Buttons that
 * change something ({read} not set) are disabled for a read-only holder.
 */
function act(label, fn, out, { cls, id, read } = {}) {
  const b = h('button', { class: cls, id, type: 'button' }, label);
  if (!read && !canWrite()) {
    b.disabled = true;
    b.title = '只读角色不能执行此操作';
    return b;
  }
  b.addEventListener('click', async () => {
    b.disabled = true;
    out?.replaceChildren();
    try {
      const done = await fn();
      if (done !== false) { toast(label + ':成功'); render(); }
    } catch (e) {
      (out || view).prepend(errorBox(e));
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

async function download(method, path) {
  const { url, filename } = await fetchBlob(store.token, method, path);
  const a = h('a', { href: url, download: filename || path.split('/').pop().split('?')[0] });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return filename;
}

function tag(text, kind) { return h('span', { class: 'tag ' + (kind || '') }, text); }

// ---------------------------------------------------------------- login

function loginView() {
  const user = h('input', { id: 'username', autocomplete: 'username', maxlength: 64 });
  const pass = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', maxlength: 128 });
  const button = h('button', { id: 'login', type: 'submit' }, '登录');
  const out = h('div');
  const form = h('form', { class: 'panel login', id: 'login-form' },
    h('h2', null, '工作人员登录'),
    h('label', { for: 'username' }, '用户名'), user,
    h('label', { for: 'password' }, '密码'), pass,
    button, out,
    h('p', { class: 'muted' }, '连续多次输入错误将暂时锁定账号。'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    out.replaceChildren();
    try {
      const r = await api('POST', LOGIN.path, { username: user.value.trim(), password: pass.value });
      store.token = r[LOGIN.tokenField];
      pass.value = '';
      location.hash = '#/approvals';
      render();
    } catch (err) {
      out.replaceChildren(errorBox(err));
    } finally {
      button.disabled = false;
    }
  });
  show(null, '运营后台', form);
}

// ---------------------------------------------------------------- rules

async function rulesView() {
  const r = await api('GET', '/admin/v1/rules');
  const versionCols = [
    ['范围', (v) => ({ DEFAULT: '全局默认', PRODUCT: '商品', CATEGORY: '类目' }[v.scope] || v.scope) + (v.scopeId ? ' ' + v.scopeId : '')],
    ['一级比例', (v) => v.level1Bp === null ? '继承' : percent(v.level1Bp), { num: true }],
    ['二级比例', (v) => v.level2Bp === null ? '继承' : percent(v.level2Bp), { num: true }],
    ['二级分佣', (v) => v.level2Enabled === null ? '—' : (v.level2Enabled ? '开启' : '关闭')],
    ['可分佣', (v) => v.commissionable && !v.qualification ? '是' : tag(v.qualification ? '资格商品(不分佣)' : '否', 'warn')],
    ['生效时间', (v) => when(v.effectiveFrom)],
    ['审批单', (v) => v.approvalId || '—'],
  ];
  const scope = h('select', { id: 'rule-scope' }, ['DEFAULT', 'PRODUCT', 'CATEGORY'].map((s) => h('option', { value: s }, { DEFAULT: '全局默认', PRODUCT: '商品', CATEGORY: '类目' }[s])));
  const scopeId = h('input', { id: 'rule-scope-id', placeholder: '商品或类目ID', maxlength: 64 });
  const l1 = h('input', { id: 'rule-l1', placeholder: '如 8.00', size: 8 });
  const l2 = h('input', { id: 'rule-l2', placeholder: '如 3.00', size: 8 });
  const l2on = h('select', { id: 'rule-l2-enabled' }, h('option', { value: '' }, '不变'), h('option', { value: 'true' }, '开启'), h('option', { value: 'false' }, '关闭(仅一级)'));
  const commissionable = h('select', { id: 'rule-commissionable' }, h('option', { value: 'true' }, '是'), h('option', { value: 'false' }, '否'));
  const qualification = h('input', { type: 'checkbox', id: 'rule-qualification' });
  const reason = h('input', { id: 'rule-reason', placeholder: '变更原因(必填)', size: 30, maxlength: 500 });
  const out = h('div');
  const pct = (input) => {
    if (!input.value.trim()) return undefined;
    const bp = parseYuan(input.value);
    if (bp === null || bp > 10000) throw new ApiError(400, { detail: '比例应为 0 到 100 之间、最多两位小数的百分数' });
    return bp;
  };
  const submit = act('提交变更申请', async () => {
    const body = {
      scope: scope.value, scopeId: scopeId.value.trim() || undefined,
      level1Bp: pct(l1), level2Bp: pct(l2),
      level2Enabled: l2on.value === '' ? undefined : l2on.value === 'true',
      commissionable: commissionable.value === 'true', qualification: qualification.checked,
      reason: reason.value.trim(),
    };
    const a = await api('POST', '/admin/v1/rules/change-requests', body);
    toast('已提交审批单 ' + a.id + ',需另一位同事审批后生效');
    return false;
  }, out, { id: 'rule-submit' });
  show('rules', '佣金规则',
    panel('当前规则',
      h('dl', { class: 'kv' },
        h('dt', null, '一级佣金'), h('dd', { id: 'rule-level1' }, percent(r.level1Bp)),
        h('dt', null, '二级佣金'), h('dd', { id: 'rule-level2' }, percent(r.level2Bp)),
        h('dt', null, '二级分佣'), h('dd', null, r.level2Enabled ? tag('开启', 'ok') : tag('关闭(仅一级模式)', 'warn')),
        h('dt', null, '比例上限'), h('dd', null, `一级 ${percent(r.level1MaxBp)},二级 ${percent(r.level2MaxBp)}`)),
      h('p', { class: 'muted' }, '平台仅支持两级分佣;规则变更只影响生效后支付的订单。')),
    panel('生效中的规则', table(versionCols, r.inForce)),
    panel('申请变更(需他人审批)',
      h('div', { class: 'toolbar' },
        h('label', null, '范围', scope), h('label', null, 'ID', scopeId),
        h('label', null, '一级 %', l1), h('label', null, '二级 %', l2),
        h('label', null, '二级分佣', l2on), h('label', null, '可分佣', commissionable),
        h('label', null, '资格商品', qualification), h('label', null, '原因', reason), submit),
      out),
    panel('历史版本', table(versionCols, [...r.history].reverse())));
}

// ---------------------------------------------------------------- members and relations

async function membersView(query) {
  const q = query.get('q') || '';
  const input = h('input', { id: 'member-query', value: q, placeholder: '会员ID 或 邀请码', size: 28 });
  const search = h('button', { id: 'member-search', type: 'submit' }, '查询');
  const form = h('form', { class: 'toolbar' }, h('label', null, '会员', input), search);
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = '#/members?q=' + encodeURIComponent(input.value.trim()); });
  if (!q) { show('members', '会员与关系', panel(null, form)); return; }
  const m = /^\d+$/.test(q)
    ? await api('GET', '/admin/v1/members/' + q)
    : await api('GET', '/admin/v1/members?inviteCode=' + encodeURIComponent(q));
  const id = m.userId;
  const [l1, l2, history, audit, commissions] = await Promise.all([
    api('GET', `/admin/v1/relations/${id}/invitees?level=1&size=50`),
    api('GET', `/admin/v1/relations/${id}/invitees?level=2&size=50`),
    api('GET', `/admin/v1/members/${id}/history`),
    api('GET', `/admin/v1/members/${id}/audit`),
    api('GET', `/admin/v1/commissions/promoters/${id}?size=20`).catch((e) => ({ error: e })),
  ]);
  const out = h('div');
  const upline = (u) => u ? h('span', null, h('a', { href: '#/members?q=' + u.userId }, u.nickname || u.userId), ' ', tag(MEMBER_STATUS[u.status] || u.status)) : '—';
  const actions = h('div', { class: 'actions' },
    m.inviter ? act('申请解绑', async () => {
      const reason = await ask('解绑原因');
      if (reason === null) return false;
      const a = await api('POST', `/admin/v1/relations/${id}/unbind-requests`, { reason });
      toast('已提交解绑审批单 ' + a.id + ',需另一位同事审批');
    }, out, { id: 'request-unbind' }) : null,
    m.status === 'ACTIVE'
      ? act('停用会员', async () => {
        const reason = await ask('停用原因');
        if (reason === null) return false;
        await api('POST', `/admin/v1/members/${id}/disable`, { reason });
      }, out, { cls: 'danger', id: 'disable-member' })
      : act('恢复会员', async () => {
        const reason = await ask('恢复原因');
        if (reason === null) return false;
        await api('POST', `/admin/v1/members/${id}/enable`, { reason });
      }, out, { id: 'enable-member' }));
  const invitees = (rows) => table([['会员', (r) => h('a', { href: '#/members?q=' + r.userId }, r.nickname || r.userId)], ['ID', (r) => r.userId], ['加入时间', (r) => when(r.joinedAt)]], rows);
  show('members', '会员与关系',
    panel(null, form),
    panel('会员 ' + id,
      h('dl', { class: 'kv', id: 'member-detail' },
        h('dt', null, '昵称'), h('dd', null, m.nickname || '—'),
        h('dt', null, '邀请码'), h('dd', { id: 'member-invite-code' }, m.inviteCode),
        h('dt', null, '状态'), h('dd', null, tag(MEMBER_STATUS[m.status] || m.status, m.status === 'ACTIVE' ? 'ok' : 'bad')),
        h('dt', null, '风险标记'), h('dd', null, m.riskFlags?.length ? m.riskFlags.map((f) => tag(FLAG_REASON[f] || f, 'warn')) : '无'),
        h('dt', null, '邀请人(一级上级)'), h('dd', { id: 'member-inviter' }, upline(m.inviter)),
        h('dt', null, '二级上级'), h('dd', { id: 'member-inviter-l2' }, upline(m.inviterL2)),
        h('dt', null, '绑定'), h('dd', null, m.boundAt ? `${when(m.boundAt)}(${m.bindChannel || ''})` : '未绑定'),
        h('dt', null, '一级/二级好友'), h('dd', null, `${m.level1Count} / ${m.level2Count}`),
        h('dt', null, '注册'), h('dd', null, `${when(m.createdAt)} · 设备 ${m.deviceId || '—'} · IP ${m.registerIp || '—'}`)),
      h('div', { style: 'margin-top:10px' }, actions), out),
    h('div', { class: 'cols' },
      panel(`一级好友(${m.level1Count})`, invitees(l1.items)),
      panel(`二级好友(${m.level2Count})`, invitees(l2.items))),
    panel('关系变更历史', table([
      ['时间', (e) => when(e.occurredAt)], ['动作', (e) => e.action], ['邀请人', (e) => e.inviterId || '—'],
      ['二级上级', (e) => e.inviterL2Id || '—'], ['方式', (e) => e.channel || '—'], ['原因', (e) => e.reason || '—'],
      ['操作人', (e) => e.operatorId || '—'], ['审批单', (e) => e.approvalId || '—'], ['设备/IP', (e) => [e.deviceId, e.ip].filter(Boolean).join(' / ') || '—'],
    ], history.items)),
    panel('佣金(作为推广员)', commissions.error ? errorBox(commissions.error) : [
      table([
        ['订单', (c) => c.orderNo], ['层级', (c) => LEVEL[c.level]], ['金额', (c) => money(c.amountFen), { num: true }],
        ['状态', (c) => [COMMISSION_STATUS[c.status] || c.status, c.held ? tag('冻结审核', 'warn') : null]],
        ['支付', (c) => when(c.paidAt)], ['完成', (c) => when(c.completedAt)],
      ], commissions.items),
      h('p', { class: 'muted' }, COMPLIANCE_NOTICE)]),
    panel('该会员的审计记录', auditTable(audit.items)));
}

// ---------------------------------------------------------------- risk flags

async function riskView(query) {
  const status = query.get('status') ?? 'OPEN';
  const r = await api('GET', '/admin/v1/risk-flags?size=100' + (status ? '&status=' + status : ''));
  const out = h('div');
  const decide = (f, verb, label) => act(label, async () => {
    const note = await ask(label + '说明', { required: false });
    if (note === null) return false;
    await api('POST', `/admin/v1/risk-flags/${f.id}/${verb}`, { note: note || undefined });
  }, out, { cls: verb === 'clear' ? 'plain' : 'danger' });
  show('risk', '风险标记',
    h('div', { class: 'tabs' }, [['OPEN', '待处理'], ['CONFIRMED', '已确认'], ['CLEARED', '已解除'], ['', '全部']].map(([s, t]) =>
      h('a', { href: '#/risk?status=' + s, class: s === status ? 'active' : '' }, t))),
    out,
    panel(null, table([
      ['时间', (f) => when(f.createdAt)],
      ['会员', (f) => h('a', { href: '#/members?q=' + f.userId }, f.userId)],
      ['原因', (f) => FLAG_REASON[f.reason] || f.reason], ['详情', (f) => f.detail || '—'],
      ['状态', (f) => tag(FLAG_STATUS[f.status] || f.status, f.status === 'OPEN' ? 'warn' : f.status === 'CLEARED' ? 'ok' : 'bad')],
      ['处理', (f) => f.status === 'OPEN'
        ? h('div', { class: 'actions' }, decide(f, 'clear', '解除'), decide(f, 'confirm', '确认违规'))
        : `${f.resolvedBy || ''} ${when(f.resolvedAt)} ${f.resolutionNote || ''}`],
    ], r.items)),
    h('p', { class: 'muted' }, '被标记会员的佣金暂缓结算,解除后恢复;确认违规的佣金由结算页人工处理。'));
}

// ---------------------------------------------------------------- approvals inbox (maker-checker)

const APPROVAL_KINDS = {
  unbind: {
    label: '解绑', list: '/admin/v1/relations/unbind-requests',
    decide: (id, verb) => `/admin/v1/relations/unbind-requests/${id}/${verb}`,
    columns: [
      ['会员', (a) => h('a', { href: '#/members?q=' + a.targetUserId }, a.targetUserId)],
      ['原因', (a) => a.reason], ['申请人', (a) => a.requesterId], ['审批人', (a) => a.approverId || '—'],
    ],
    requestedAt: (a) => a.requestedAt,
  },
  adjustment: {
    label: '佣金调整', list: '/admin/v1/commissions/adjustment-requests',
    decide: (id, verb) => `/admin/v1/commissions/adjustment-requests/${id}/${verb}`,
    columns: [
      ['佣金', (a) => a.target], ['调整', (a) => h('pre', null, json(a.change))], ['原因', (a) => a.reason],
      ['申请人', (a) => a.requestedBy], ['审批人', (a) => a.decidedBy || '—'],
    ],
    requestedAt: (a) => a.requestedAt,
  },
  rule: {
    label: '规则变更', list: '/admin/v1/rules/change-requests',
    decide: (id, verb) => `/admin/v1/rules/change-requests/${id}/${verb}`,
    columns: [
      ['范围', (a) => a.target], ['变更', (a) => h('pre', null, json(a.change))], ['原因', (a) => a.reason],
      ['申请人', (a) => a.requestedBy], ['审批人', (a) => a.decidedBy || '—'],
    ],
    requestedAt: (a) => a.requestedAt,
  },
};

async function approvalsView(query) {
  const kind = APPROVAL_KINDS[query.get('kind')] ? query.get('kind') : 'unbind';
  const status = query.get('status') ?? 'PENDING';
  const k = APPROVAL_KINDS[kind];
  const r = await api('GET', k.list + '?size=50' + (status ? '&status=' + status : ''));
  const me = String(claims()?.sub ?? '');
  const out = h('div');
  const decide = (a, verb, label) => act(label, async () => {
    const note = await ask(label + '意见', { required: verb === 'reject' });
    if (note === null) return false;
    await api('POST', k.decide(a.id, verb), { note: note || undefined });
  }, out, { cls: verb === 'approve' ? null : 'danger', id: `${verb}-${a.id}` });
  show('approvals', '审批待办',
    h('div', { class: 'tabs' }, Object.entries(APPROVAL_KINDS).map(([key, v]) =>
      h('a', { href: `#/approvals?kind=${key}&status=${status}`, class: key === kind ? 'active' : '' }, v.label))),
    h('div', { class: 'tabs' }, [['PENDING', '待审批'], ['APPROVED', '已通过'], ['REJECTED', '已驳回'], ['', '全部']].map(([s, t]) =>
      h('a', { href: `#/approvals?kind=${kind}&status=${s}`, class: s === status ? 'active' : '' }, t))),
    out,
    panel(null, table([
      ['审批单', (a) => a.id], ['申请时间', (a) => when(k.requestedAt(a))], ...k.columns,
      ['状态', (a) => tag(APPROVAL_STATUS[a.status] || a.status, a.status === 'PENDING' ? 'warn' : a.status === 'APPROVED' ? 'ok' : 'bad')],
      ['操作', (a) => a.status !== 'PENDING' ? (a.decisionNote || '—')
        : String(a.requesterId ?? a.requestedBy) === me ? h('span', { class: 'muted' }, '本人发起,需他人审批')
          : h('div', { class: 'actions' }, decide(a, 'approve', '通过'), decide(a, 'reject', '驳回'))],
    ], r.items, '没有审批单')),
    h('p', { class: 'muted' }, '申请与审批须由两位不同的工作人员完成,两步均记入审计日志。'));
}

// ---------------------------------------------------------------- withdrawals and bank batches

async function withdrawalsView(query) {
  const status = query.get('status') || 'REVIEWING';
  const channel = query.get('channel') || '';
  const r = await api('GET', `/admin/v1/withdrawals?size=50&status=${status}` + (channel ? '&channel=' + channel : ''));
  const out = h('div');
  const statusSel = h('select', { id: 'wd-status' }, Object.entries(WITHDRAWAL_STATUS).map(([s, t]) => h('option', { value: s, selected: s === status }, t)));
  const channelSel = h('select', { id: 'wd-channel' }, h('option', { value: '' }, '全部'), Object.entries(CHANNEL).map(([c, t]) => h('option', { value: c, selected: c === channel }, t)));
  const filter = () => { location.hash = `#/withdrawals?status=${statusSel.value}&channel=${channelSel.value}`; };
  statusSel.addEventListener('change', filter);
  channelSel.addEventListener('change', filter);
  const rowActions = (w) => {
    if (w.status === 'REVIEWING' || w.status === 'AWAITING_SECOND_APPROVAL') {
      return h('div', { class: 'actions' },
        act('通过', () => api('POST', `/admin/v1/withdrawals/${w.id}/approve`), out),
        act('驳回', async () => {
          const reason = await ask('驳回原因');
          if (reason === null) return false;
          await api('POST', `/admin/v1/withdrawals/${w.id}/reject`, { reason });
        }, out, { cls: 'danger' }));
    }
    if (w.status === 'BANK_EXPORTED') {
      return act('标记已打款', async () => {
        const bankReference = await ask('银行流水号');
        if (bankReference === null) return false;
        await api('POST', `/admin/v1/withdrawals/${w.id}/mark-paid`, { bankReference });
      }, out);
    }
    return w.bankReference ? '流水 ' + w.bankReference : '—';
  };
  show('withdrawals', '提现审核',
    h('div', { class: 'toolbar' }, h('label', null, '状态', statusSel), h('label', null, '方式', channelSel),
      act('生成银行打款批次', async () => {
        const name = await download('POST', '/admin/v1/withdrawals/bank-batches');
        toast('已下载 ' + (name || '批次文件') + ',请在网银完成打款后逐笔标记');
      }, out, { cls: 'plain', id: 'bank-batch' })),
    out,
    panel(null, table([
      ['单号', (w) => w.id], ['会员', (w) => h('a', { href: '#/members?q=' + w.promoterId }, w.promoterId)],
      ['方式', (w) => CHANNEL[w.channel] || w.channel], ['金额', (w) => money(w.amountFen), { num: true }],
      ['手续费', (w) => money(w.feeFen), { num: true }], ['个税', (w) => money(w.taxFen), { num: true }],
      ['实发', (w) => money(w.netFen), { num: true }], ['申请时间', (w) => when(w.createdAt)],
      ['状态', (w) => tag(WITHDRAWAL_STATUS[w.status] || w.status)], ['操作', rowActions],
    ], r.items, '没有该状态的提现')));
}

// ---------------------------------------------------------------- settlement

async function settlementView() {
  const [o, held] = await Promise.all([api('GET', '/admin/v1/settlement/overview'), api('GET', '/admin/v1/settlement/held?size=50')]);
  const out = h('div');
  const decide = (c, verb, label) => act(label, async () => {
    const reason = await ask(label + '原因');
    if (reason === null) return false;
    await api('POST', `/admin/v1/settlement/commissions/${c.id}/${verb}`, { reason });
  }, out, { cls: verb === 'release' ? null : 'danger' });
  show('settlement', '结算',
    panel('概况', h('dl', { class: 'kv' },
      h('dt', null, '到期待结算'), h('dd', null, `${o.due.count} 笔 ${money(o.due.amountFen)},最久延迟 ${o.due.lagSeconds} 秒`),
      h('dt', null, '冻结待审核'), h('dd', null, `${o.held.count} 笔 ${money(o.held.amountFen)}`)),
    h('div', { class: 'toolbar', style: 'margin-top:10px' },
      o.shards.map((s) => act('立即结算 ' + s, () => api('POST', '/admin/v1/settlement/runs', { shard: s }), out, { cls: 'plain' })))),
    out,
    panel('冻结的佣金(风险标记)', table([
      ['佣金', (c) => c.id], ['推广员', (c) => c.promoterId], ['订单', (c) => c.orderId], ['层级', (c) => LEVEL[c.level]],
      ['金额', (c) => money(c.amountFen), { num: true }], ['原因', (c) => c.holdReason || '—'], ['售后期结束', (c) => when(c.windowClosesAt)],
      ['处理', (c) => h('div', { class: 'actions' }, decide(c, 'release', '放行'), decide(c, 'cancel', '取消'))],
    ], held.items)),
    panel('最近运行', table([
      ['分片', (r) => r.shard], ['开始', (r) => when(r.startedAt)], ['结算笔数', (r) => r.released ?? r.count ?? '—', { num: true }],
      ['触发', (r) => r.trigger || '—'],
    ], o.recentRuns || [])),
    h('p', { class: 'muted' }, COMPLIANCE_NOTICE));
}

// ---------------------------------------------------------------- reconciliation with its chart

/** Commission against gross margin per day, as grouped bars in inline SVG (no chart library). */
function marginChart(days) {
  const W = 860, H = 280, L = 70, R = 10, T = 14, B = 40;
  const NS = 'http://www.w3.org/2000/svg';
  const el = (tagName, attrs, text) => {
    const e = document.createElementNS(NS, tagName);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const values = days.flatMap((d) => [d.commissionFen, d.grossMarginFen]);
  const max = Math.max(100, ...values);
  const min = Math.min(0, ...values);
  const y = (v) => T + (H - T - B) * (max - v) / (max - min);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', id: 'margin-chart', role: 'img', 'aria-label': '每日佣金与毛利' });
  for (let i = 0; i <= 4; i++) {
    const v = min + (max - min) * i / 4;
    svg.append(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#eee' }));
    svg.append(el('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#86909c' }, money(Math.round(v))));
  }
  svg.append(el('line', { x1: L, x2: W - R, y1: y(0), y2: y(0), stroke: '#c9cdd4' }));
  const slot = (W - L - R) / Math.max(1, days.length);
  const bw = Math.max(2, Math.min(18, slot / 3));
  days.forEach((d, i) => {
    const x = L + slot * i + slot / 2;
    const bar = (v, dx, color, label) => {
      const top = Math.min(y(v), y(0));
      const r = el('rect', { x: x + dx, y: top, width: bw, height: Math.max(1, Math.abs(y(v) - y(0))), fill: color, class: label });
      r.append(el('title', {}, `${d.day} ${label === 'commission' ? '佣金' : '毛利'} ${money(v)}`));
      svg.append(r);
    };
    bar(d.grossMarginFen, -bw - 1, '#86c1ff', 'margin');
    bar(d.commissionFen, 1, d.alert ? '#f53f3f' : '#ff9a2e', 'commission');
    if (days.length <= 31 && (days.length <= 16 || i % 2 === 0)) {
      svg.append(el('text', { x, y: H - B + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#4e5969' }, String(d.day).slice(5)));
    }
  });
  return h('div', null, svg,
    h('div', { class: 'legend' },
      h('span', null, h('i', { style: 'background:#86c1ff' }), '毛利(实付−退款−成本)'),
      h('span', null, h('i', { style: 'background:#ff9a2e' }), '佣金'),
      h('span', null, h('i', { style: 'background:#f53f3f' }), '佣金占毛利超过预警线')));
}

async function reconciliationView(query) {
  const from = query.get('from') || beijingDay(-13);
  const to = query.get('to') || beijingDay(0);
  const productId = query.get('productId') || '';
  const qs = new URLSearchParams({ from, to });
  if (productId) qs.set('productId', productId);
  const r = await api('GET', '/admin/v1/reconciliation?' + qs);
  const fromIn = h('input', { type: 'date', id: 'rec-from', value: from });
  const toIn = h('input', { type: 'date', id: 'rec-to', value: to });
  const product = h('input', { id: 'rec-product', value: productId, placeholder: '全部商品', size: 12 });
  const form = h('form', { class: 'toolbar' }, h('label', null, '从', fromIn), h('label', null, '到', toIn), h('label', null, '商品', product),
    h('button', { type: 'submit' }, '查询'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams({ from: fromIn.value, to: toIn.value });
    if (product.value.trim()) p.set('productId', product.value.trim());
    location.hash = '#/reconciliation?' + p;
  });
  const invariantsOut = h('div');
  const check = act('检查账务不变量', async () => {
    const v = await api('GET', '/admin/v1/reconciliation/invariants');
    invariantsOut.replaceChildren(h('dl', { class: 'kv', id: 'invariants' },
      h('dt', null, '结果'), h('dd', null, v.ok ? tag('一致', 'ok') : tag('发现不一致', 'bad')),
      h('dt', null, '已结算佣金'), h('dd', null, v.releasedCommissions),
      h('dt', null, '缺失/重复/孤立结算事件'), h('dd', null, `${v.missingSettledEvents} / ${v.duplicateSettledEvents} / ${v.orphanSettledEvents}`),
      h('dt', null, '钱包核对'), h('dd', null, `${v.wallet},核对 ${v.checkedPromoters} 人,不一致 ${v.walletMismatchCount} 人`),
      h('dt', null, '检查时间'), h('dd', null, when(v.checkedAt))));
    return false;
  }, invariantsOut, { cls: 'plain', id: 'check-invariants', read: true });
  const lineCols = [
    ['日期', (l) => l.day], ['商品', (l) => l.productId || '全部'], ['实付', (l) => money(l.paidFen), { num: true }],
    ['退款', (l) => money(l.refundedFen), { num: true }], ['成本', (l) => money(l.costFen), { num: true }],
    ['毛利', (l) => money(l.grossMarginFen), { num: true }], ['佣金', (l) => money(l.commissionFen), { num: true }],
    ['佣金占毛利', (l) => l.commissionShareBp === null ? '—' : percent(l.commissionShareBp), { num: true }],
    ['预警', (l) => l.alert ? tag('超出', 'bad') : ''],
  ];
  show('reconciliation', '对账',
    panel(null, form),
    panel(`合计(${r.from} 至 ${r.to})`, h('dl', { class: 'kv', id: 'rec-total' },
      h('dt', null, '实付'), h('dd', null, money(r.total.paidFen)),
      h('dt', null, '毛利'), h('dd', null, money(r.total.grossMarginFen)),
      h('dt', null, '佣金'), h('dd', null, money(r.total.commissionFen)),
      h('dt', null, '佣金占毛利'), h('dd', null, r.total.commissionShareBp === null ? '—' : percent(r.total.commissionShareBp)),
      h('dt', null, '预警线'), h('dd', null, percent(r.marginAlertBp) + `,区间内预警 ${r.alertCount} 条,近7天 ${r.alertsLast7Days} 条`))),
    panel('每日佣金与毛利', marginChart(r.days)),
    panel('账务不变量', check, invariantsOut),
    panel('按日', table(lineCols, r.days)),
    r.alerts.length ? panel('预警明细', table(lineCols, r.alerts)) : null,
    panel('按日按商品' + (r.rowsTruncated ? '(仅显示部分,完整数据请导出)' : ''), table(lineCols, r.rows)));
}

// ---------------------------------------------------------------- audit log

function auditTable(items) {
  return table([
    ['时间', (a) => when(a.occurredAt || a.at)], ['操作人', (a) => a.actorId], ['动作', (a) => h('span', { class: 'audit-action' }, a.action)],
    ['对象', (a) => `${a.targetType} ${a.targetId}`], ['变更前', (a) => h('pre', null, json(a.before))],
    ['变更后', (a) => h('pre', null, json(a.after))], ['原因', (a) => a.reason || '—'], ['请求', (a) => a.requestId || '—'],
    ['哈希', (a) => h('span', { class: 'muted', title: a.hash || '' }, (a.hash || '').slice(0, 10))],
  ], items, '没有审计记录');
}

async function auditView(query) {
  const source = AUDIT_SOURCES[query.get('service')] ? query.get('service') : 'relation';
  const filters = ['action', 'actorId', 'targetType', 'targetId', 'from', 'to'];
  const inputs = Object.fromEntries(filters.map((f) => [f, h('input', {
    id: 'audit-' + f, value: query.get(f) || '', size: f.startsWith('target') || f === 'action' ? 16 : 12,
    type: f === 'from' || f === 'to' ? 'date' : 'text',
  })]));
  const labels = { action: '动作', actorId: '操作人', targetType: '对象类型', targetId: '对象ID', from: '从', to: '到' };
  const form = h('form', { class: 'toolbar' },
    filters.map((f) => h('label', null, labels[f], inputs[f])), h('button', { type: 'submit', id: 'audit-search' }, '查询'));
  const params = (extra = {}) => {
    const p = new URLSearchParams({ service: source });
    for (const f of filters) if (inputs[f].value.trim()) p.set(f, inputs[f].value.trim());
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p;
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = '#/audit?' + params(); });
  const qs = params({ size: '100' });
  qs.delete('service');
  const out = h('div');
  let body;
  try {
    const r = await api('GET', AUDIT_SOURCES[source].path + '?' + qs);
    body = auditTable(r.items || []);
  } catch (e) {
    body = errorBox(e);
  }
  show('audit', '审计日志',
    h('div', { class: 'tabs' }, Object.entries(AUDIT_SOURCES).map(([k, v]) =>
      h('a', { href: '#/audit?service=' + k, class: k === source ? 'active' : '' }, v.label))),
    panel(null, form, h('div', { class: 'actions' },
      act('导出 CSV', async () => {
        // the export streams the chain in order between two days (default: the last 30)
        const p = new URLSearchParams({
          from: inputs.from.value || beijingDay(-30), to: inputs.to.value || beijingDay(0), format: 'csv',
        });
        await download('GET', AUDIT_SOURCES[source].path + '/export?' + p);
        return false;
      }, out, { cls: 'plain', id: 'audit-export', read: true }),
      act('校验哈希链', async () => {
        const v = await api('GET', AUDIT_SOURCES[source].path + '/verify');
        out.replaceChildren(h('p', { id: 'audit-verification' }, v.ok
          ? [tag('哈希链完整', 'ok'), ` 已校验 ${v.checked} 条`]
          : [tag('哈希链断裂', 'bad'), ` 第一个断点:记录 ${v.firstBrokenId ?? '—'},${v.reason ?? ''}`]));
        return false;
      }, out, { cls: 'plain', id: 'audit-verify', read: true })), out),
    panel(null, body),
    h('p', { class: 'muted' }, '审计日志只增不改,每条记录以哈希与上一条相连,任何改动都会使校验失败。'));
}

// ---------------------------------------------------------------- exports

function exportsView() {
  const from = h('input', { type: 'date', id: 'export-from', value: beijingDay(-30) });
  const to = h('input', { type: 'date', id: 'export-to', value: beijingDay(0) });
  const format = h('select', { id: 'export-format' }, h('option', { value: 'csv' }, 'CSV'), h('option', { value: 'xlsx' }, 'Excel (XLSX)'));
  const out = h('div');
  const link = (kind) => `/admin/v1/exports/${kind}?` + new URLSearchParams({ from: from.value, to: to.value, format: format.value });
  show('exports', '导出',
    panel('范围', h('div', { class: 'toolbar' }, h('label', null, '从', from), h('label', null, '到', to), h('label', null, '格式', format)),
      h('p', { class: 'muted' }, '文件以流式生成,一个月的大数据量也可直接下载;金额单位为元。')),
    out,
    panel('文件', table([
      ['内容', (e) => e.label],
      ['接口', (e) => h('code', null, `/admin/v1/exports/${e.kind}`)],
      ['下载', (e) => act('下载', async () => {
        const name = await download('GET', link(e.kind));
        toast('已下载 ' + (name || e.kind));
        return false;
      }, out, { cls: 'plain', id: 'export-' + e.kind, read: true })],
    ], EXPORTS.map((e) => ({ ...e, id: e.kind })))));
}

// ---------------------------------------------------------------- staff accounts (ADMIN)

async function staffView() {
  const r = await api('GET', '/admin/v1/staff?size=100');
  const out = h('div');
  const username = h('input', { id: 'staff-username', maxlength: 64, autocomplete: 'off' });
  const password = h('input', { id: 'staff-password', type: 'password', maxlength: 200, autocomplete: 'new-password' });
  const roles = Object.keys(ROLE).map((role) => h('label', null, h('input', { type: 'checkbox', value: role, class: 'staff-role' }), ROLE[role]));
  const create = act('创建账号', async () => {
    const chosen = roles.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    await api('POST', '/admin/v1/staff', { username: username.value.trim(), password: password.value, roles: chosen });
  }, out, { id: 'staff-create' });
  const toggle = (a) => act(a.disabled ? '启用' : '停用', async () => {
    const reason = await ask((a.disabled ? '启用' : '停用') + '原因');
    if (reason === null) return false;
    await api('POST', `/admin/v1/staff/${a.id}/${a.disabled ? 'enable' : 'disable'}`, { reason });
  }, out, { cls: a.disabled ? 'plain' : 'danger' });
  show('staff', '工作人员',
    panel('新建工作人员', h('div', { class: 'toolbar' },
      h('label', null, '用户名', username), h('label', null, '初始密码', password), roles, create), out,
      h('p', { class: 'muted' }, '角色:运营(规则、关系、风险)、财务(提现、对账)、审计(只读)、管理员。密码以 BCrypt 保存。')),
    panel(null, table([
      ['工号', (a) => a.id], ['用户名', (a) => a.username], ['角色', (a) => a.roles.map((x) => ROLE[x] || x).join('、')],
      ['状态', (a) => a.disabled ? tag('已停用', 'bad') : tag('正常', 'ok')], ['创建', (a) => when(a.createdAt)],
      ['操作', (a) => toggle(a)],
    ], r.items)));
}

// ---------------------------------------------------------------- router

const ROUTES = {
  rules: rulesView,
  members: membersView,
  risk: riskView,
  approvals: approvalsView,
  withdrawals: withdrawalsView,
  settlement: settlementView,
  reconciliation: reconciliationView,
  audit: auditView,
  exports: exportsView,
  staff: staffView,
};

let rendering = 0;
let queue = Promise.resolve();

/**
 * Renders the view the address names now. Renders run one after another, so a slow earlier view can
 * never paint over the one navigated to after it.
 */
function render() {
  queue = queue.then(renderNow, renderNow);
  return queue;
}

async function renderNow() {
  if (!store.token) { loginView(); return; }
  const [name, qs] = location.hash.replace(/^#\/?/, '').split('?');
  const route = ROUTES[name] ? name : 'approvals';
  const mine = ++rendering;
  try {
    await ROUTES[route](new URLSearchParams(qs || ''));
  } catch (e) {
    if (mine !== rendering || (e instanceof ApiError && e.status === 401)) return;
    show(route, '出错了', panel(null, errorBox(e), h('button', { type: 'button', onclick: () => render() }, '重试')));
  }
}

window.addEventListener('hashchange', render);
render();
