// Member H5 promoter center (推广中心). Plain ES modules, no build step: served by the gateway at /h5/
// and calling the same REST paths as the mini-program (API.md, "Members").
import {
  ApiError, CHANNEL, COMMISSION_STATUS, COMPLIANCE_NOTICE, LEVEL, WITHDRAWAL_STATUS,
  fetchBlob, h, money, newKey, parseYuan, problemText, request, when,
} from './format.js';

/**
 * The promotion agreement is kept by the server (GET /api/v1/auth/agreement): its version, text and
 * effective date. Every login sends the version shown; a newer version in force asks to be accepted again.
 */
let agreementCache = null;
async function currentAgreement() {
  if (!agreementCache) agreementCache = await request(null, 'GET', '/api/v1/auth/agreement');
  return agreementCache;
}

function agreementText(a) {
  return [
    h('div', { class: 'agreement' }, a.paragraphs.map((p) => h('p', null, p))),
    h('p', { class: 'muted' }, '协议版本 ' + a.version + ' · 生效日期 ' + when(a.effectiveAt)),
  ];
}

const store = {
  get token() { return localStorage.getItem('fx.h5.token'); },
  set token(v) { v ? localStorage.setItem('fx.h5.token', v) : localStorage.removeItem('fx.h5.token'); },
  /** The agreement version this device accepted last. */
  get agreedVersion() { return localStorage.getItem('fx.h5.agreement'); },
  set agreedVersion(v) { v ? localStorage.setItem('fx.h5.agreement', v) : localStorage.removeItem('fx.h5.agreement'); },
  /** A stable id for this browser (anti-abuse screening counts registrations per device). */
  get deviceId() {
    let id = localStorage.getItem('fx.h5.device');
    if (!id) { id = 'h5-' + newKey(); localStorage.setItem('fx.h5.device', id); }
    return id;
  },
  /**
   * The login code. Inside the mini-program's web-view the page is opened with ?wxcode=<wx.login code>.
   * In a plain browser against the local profile, relation-service's WeChat stand-in maps any code to a
   * stable openid, so a random code kept on this device is this device's account.
   */
  get loginCode() {
    let code = localStorage.getItem('fx.h5.loginCode');
    if (!code) { code = 'h5-' + newKey(); localStorage.setItem('fx.h5.loginCode', code); }
    return code;
  },
  set loginCode(v) { localStorage.setItem('fx.h5.loginCode', v); },
};

const params = new URLSearchParams(location.search);

async function api(method, path, body, headers) {
  try {
    return await request(store.token, method, path, body, headers);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && path !== '/api/v1/auth/login') {
      store.token = null;
      toast('登录已过期,请重新登录');
      go('login');
    }
    throw e;
  }
}

// ---------------------------------------------------------------- shell

const view = document.getElementById('view');
const notice = document.getElementById('notice');
const tabs = document.getElementById('tabs');
let toastTimer;

function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, 2500);
}

function go(route) {
  if (location.hash !== '#/' + route) location.hash = '#/' + route;
  else render();
}

function page(title, tab, ...content) {
  document.getElementById('title').textContent = title;
  document.title = title + ' - 推广中心';
  const loggedIn = Boolean(store.token);
  tabs.hidden = !loggedIn;
  notice.hidden = !loggedIn;
  notice.textContent = COMPLIANCE_NOTICE;
  for (const a of tabs.querySelectorAll('a')) a.classList.toggle('active', a.dataset.tab === tab);
  view.replaceChildren(...content.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function errorBox(e) {
  return h('p', { class: 'error', role: 'alert' }, problemText(e));
}

/** Runs an action from a button; shows its problem under the form instead of failing silently. */
function action(button, out, fn) {
  return async (ev) => {
    ev?.preventDefault?.();
    button.disabled = true;
    out.replaceChildren();
    try {
      await fn();
    } catch (e) {
      out.replaceChildren(errorBox(e));
    } finally {
      button.disabled = false;
    }
  };
}

// ---------------------------------------------------------------- login and agreement

async function loginPage() {
  const agreement = await currentAgreement();
  const agreed = store.agreedVersion === agreement.version;
  const invite = params.get('invite') || params.get('inviteCode') || '';
  const wxcode = params.get('wxcode');
  const inviteInput = h('input', { id: 'invite-code', name: 'inviteCode', value: invite, maxlength: 32,
    autocomplete: 'off', autocapitalize: 'characters', placeholder: '选填,好友的邀请码' });
  const nickname = h('input', { id: 'nickname', name: 'nickname', maxlength: 64, placeholder: '选填' });
  const codeInput = h('input', { id: 'login-code', name: 'loginCode', value: wxcode || store.loginCode, maxlength: 128 });
  const agree = h('input', { type: 'checkbox', id: 'agree', checked: agreed });
  const button = h('button', { id: 'login', type: 'submit' }, '登录 / 注册');
  const out = h('div');
  const agreementCard = h('div', { class: 'card', id: 'agreement' },
    h('h2', null, agreement.title),
    agreementText(agreement));
  // the full text is shown until this device has accepted this version (first login, or a new version)
  agreementCard.hidden = agreed;
  const form = h('form', { class: 'card', id: 'login-form' },
    h('h2', null, '登录推广中心'),
    h('label', { for: 'invite-code' }, '邀请码'), inviteInput,
    h('label', { for: 'nickname' }, '昵称'), nickname,
    h('details', null, h('summary', { class: 'muted' }, '登录凭证(小程序内自动获取)'),
      h('label', { for: 'login-code' }, 'wx.login code / 本地联调凭证'), codeInput),
    h('label', null, agree, '我已阅读并同意',
      h('a', { href: '#', onclick: (e) => { e.preventDefault(); agreementCard.hidden = false; } }, '《推广员协议》')),
    button, out);
  form.addEventListener('submit', action(button, out, async () => {
    if (!agree.checked) {
      agreementCard.hidden = false;
      throw new ApiError(400, { detail: '请先阅读并同意《推广员协议》' });
    }
    const code = codeInput.value.trim();
    if (!wxcode) store.loginCode = code;
    const r = await api('POST', '/api/v1/auth/login', {
      code,
      inviteCode: inviteInput.value.trim() || undefined,
      channel: !inviteInput.value.trim() ? undefined
        : inviteInput.value.trim() !== invite ? 'CODE'
          : params.get('channel') === 'QR' ? 'QR' : 'LINK',
      deviceId: store.deviceId,
      agreementVersion: agreement.version,
      nickname: nickname.value.trim() || undefined,
    });
    store.token = r.token;
    store.agreedVersion = agreement.version;
    const b = r.binding || {};
    if (inviteInput.value.trim() && !b.bound) toast('未能绑定邀请人:' + (b.refusedMessage || b.refusedReason || '邀请码无效'));
    else if (r.newUser) toast(b.bound ? '注册成功,已绑定邀请人' : '注册成功');
    else toast('登录成功');
    go('home');
  }));
  page('登录', null, form, agreementCard);
}

// ---------------------------------------------------------------- home: invite code, link, QR, team counts

async function homePage() {
  const p = await api('GET', '/api/v1/me/promoter');
  const qr = h('img', { class: 'qr', id: 'qr', alt: '我的邀请二维码' });
  fetchBlob(store.token, 'GET', p.qrCodeUrl || '/api/v1/me/promoter/qrcode')
    .then(({ url }) => { qr.src = url; qr.dataset.loaded = 'true'; })
    .catch((e) => qr.replaceWith(errorBox(e)));
  const copy = h('button', { class: 'secondary', id: 'copy-link', type: 'button' }, '复制邀请链接');
  copy.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(p.inviteLink); toast('已复制'); } catch { toast('请长按链接复制'); }
  });
  const cards = [
    p.agreement?.reacceptRequired ? await agreementUpdateCard() : null,
    h('div', { class: 'card' },
      h('h2', null, '我的邀请码'),
      h('div', { class: 'code', id: 'my-invite-code' }, p.inviteCode),
      qr,
      h('p', { class: 'muted', style: 'text-align:center' }, '好友扫码或打开链接注册,即与您绑定'),
      h('div', { class: 'link', id: 'invite-link' }, p.inviteLink),
      copy),
    h('div', { class: 'card' },
      h('h2', null, '我的团队'),
      h('div', { class: 'grid' },
        h('div', { class: 'stat' }, h('a', { href: '#/team?level=1' }, h('b', { id: 'level1-count' }, p.level1Count), '一级好友')),
        h('div', { class: 'stat' }, h('a', { href: '#/team?level=2' }, h('b', { id: 'level2-count' }, p.level2Count), '二级好友')))),
    relationCard(p),
    h('div', { class: 'card' },
      h('div', { class: 'row' }, h('span', null, '会员编号'), h('span', { class: 'muted', id: 'user-id' }, p.userId)),
      h('button', { class: 'secondary', type: 'button', id: 'logout', onclick: () => { store.token = null; go('login'); } }, '退出登录')),
  ];
  page('推广中心', 'home', ...cards);
}

/** A newer agreement is in force and this member accepted only an older one: read and accept it. */
async function agreementUpdateCard() {
  const a = await currentAgreement();
  const out = h('div');
  const accept = h('button', { type: 'button', id: 'accept-agreement' }, '我已阅读并同意新版协议');
  accept.addEventListener('click', action(accept, out, async () => {
    await api('POST', '/api/v1/me/promoter/agreement', { version: a.version });
    store.agreedVersion = a.version;
    toast('已同意新版协议');
    render();
  }));
  return h('div', { class: 'card', id: 'agreement-update' },
    h('h2', null, a.title + '已更新'),
    h('p', { class: 'error' }, '新版协议已生效,请阅读并同意后继续推广。'),
    agreementText(a), accept, out);
}

function relationCard(p) {
  const out = h('div');
  if (p.inviter) {
    const canUnbind = p.coolingOffEndsAt && new Date(p.coolingOffEndsAt) > new Date();
    const unbind = h('button', { class: 'secondary', type: 'button', id: 'unbind' }, '解除绑定(冷静期内一次)');
    unbind.addEventListener('click', action(unbind, out, async () => {
      if (!confirm('解除后,您之后的订单将不再为该邀请人产生佣金。确定解除?')) return;
      await api('POST', '/api/v1/me/relation/unbind');
      toast('已解除绑定');
      render();
    }));
    return h('div', { class: 'card', id: 'inviter' },
      h('h2', null, '我的邀请人'),
      h('div', { class: 'row' }, h('span', null, p.inviter.nickname || '用户'), h('span', { class: 'muted' }, '绑定于 ' + when(p.boundAt))),
      canUnbind ? [h('p', { class: 'muted' }, '冷静期至 ' + when(p.coolingOffEndsAt)), unbind] : null,
      out);
  }
  const code = h('input', { id: 'bind-code', maxlength: 32, placeholder: '输入好友的邀请码', autocapitalize: 'characters' });
  const bind = h('button', { type: 'button', id: 'bind' }, '绑定邀请人');
  bind.addEventListener('click', action(bind, out, async () => {
    await api('POST', '/api/v1/me/relation/bind', { inviteCode: code.value.trim() });
    toast('绑定成功');
    render();
  }));
  return h('div', { class: 'card', id: 'inviter' },
    h('h2', null, '绑定邀请人'),
    h('p', { class: 'muted' }, '尚未绑定邀请人。首次下单前可输入好友邀请码绑定一次。'),
    code, bind, out);
}

// ---------------------------------------------------------------- team (two levels, never more)

async function teamPage(query) {
  const level = query.get('level') === '2' ? '2' : '1';
  const list = h('ul', { class: 'list', id: 'team-list' });
  const more = h('button', { class: 'secondary', type: 'button', hidden: true }, '加载更多');
  const out = h('div');
  let cursor = null;
  async function load() {
    const qs = new URLSearchParams({ level, size: '20' });
    if (cursor) qs.set('cursor', cursor);
    const r = await api('GET', '/api/v1/me/team?' + qs);
    for (const m of r.items) {
      list.append(h('li', null, h('div', { class: 'item-top' }, h('span', null, m.nickname || '用户'), h('span', { class: 'muted' }, when(m.joinedAt)))));
    }
    if (!list.children.length) list.append(h('li', { class: 'muted' }, '暂无' + LEVEL[level] + '好友'));
    cursor = r.nextCursor;
    more.hidden = !cursor;
  }
  more.addEventListener('click', action(more, out, load));
  await load();
  page('我的团队', 'team',
    h('div', { class: 'segmented' },
      h('a', { href: '#/team?level=1', class: level === '1' ? 'active' : '' }, '一级好友'),
      h('a', { href: '#/team?level=2', class: level === '2' ? 'active' : '' }, '二级好友')),
    h('div', { class: 'card' }, list, more, out));
}

// ---------------------------------------------------------------- commissions

async function commissionsPage() {
  const list = h('ul', { class: 'list', id: 'commission-list' });
  const more = h('button', { class: 'secondary', type: 'button', hidden: true }, '加载更多');
  const out = h('div');
  let cursor = null;
  async function load() {
    const qs = new URLSearchParams({ size: '20' });
    if (cursor) qs.set('cursor', cursor);
    const r = await api('GET', '/api/v1/me/commissions?' + qs);
    for (const c of r.items) {
      list.append(h('li', { class: 'commission', dataset: { id: c.id, status: c.status } },
        h('div', { class: 'item-top' },
          h('span', null, '订单 ', h('span', { class: 'order-no' }, c.orderNo)),
          h('span', { class: 'amount' }, money(c.amountFen))),
        h('div', { class: 'item-top muted' },
          h('span', null, '买家 ', c.buyerNickname, h('span', { class: 'tag' }, LEVEL[c.level] || '')),
          h('span', null,
            h('span', { class: 'tag ' + c.status }, COMMISSION_STATUS[c.status] || c.status),
            c.held ? h('span', { class: 'tag PENDING' }, '审核中') : null)),
        h('div', { class: 'muted' },
          '下单 ' + when(c.createdAt),
          c.expectedReleaseAt ? ' · 预计结算 ' + when(c.expectedReleaseAt) : (c.status === 'PENDING' ? ' · 待订单完成后计算结算时间' : ''))));
    }
    if (!list.children.length) list.append(h('li', { class: 'muted' }, '暂无佣金。好友下单并完成售后期后即可获得佣金。'));
    cursor = r.nextCursor;
    more.hidden = !cursor;
  }
  more.addEventListener('click', action(more, out, load));
  await load();
  page('我的佣金', 'commissions', h('div', { class: 'card' }, list, more, out));
}

// ---------------------------------------------------------------- wallet, real name, withdrawal

async function walletPage() {
  const [w, id] = await Promise.all([api('GET', '/api/v1/me/wallet'), api('GET', '/api/v1/me/identity')]);
  page('我的钱包', 'wallet',
    h('div', { class: 'card', id: 'wallet' },
      h('h2', null, '可提现'),
      h('div', { class: 'code', id: 'available' }, money(w.availableFen)),
      h('dl', { class: 'kv' },
        h('dt', null, '待结算'), h('dd', { id: 'pending' }, money(w.pendingFen)),
        h('dt', null, '提现中'), h('dd', { id: 'frozen' }, money(w.frozenFen)),
        h('dt', null, '已提现'), h('dd', { id: 'withdrawn' }, money(w.withdrawnFen)),
        w.debtFen > 0 ? [h('dt', null, '待抵扣(退款冲正)'), h('dd', { id: 'debt' }, money(w.debtFen))] : null),
      w.debtFen > 0 ? h('p', { class: 'muted' }, '存在待抵扣金额,后续佣金将优先抵扣,抵扣完成前暂不可提现。') : null,
      h('a', { class: 'button', href: id.verified ? '#/withdraw' : '#/identity', id: 'to-withdraw' }, '提现'),
      h('a', { class: 'button secondary', href: '#/withdrawals', id: 'to-history' }, '提现记录')),
    h('div', { class: 'card', id: 'identity-status' },
      h('div', { class: 'row' }, h('span', null, '实名认证'),
        id.verified
          ? h('span', null, id.maskedName + ' ' + id.maskedIdNumber)
          : h('a', { href: '#/identity' }, '去认证 ›'))));
}

/** GB 11643: 17 digits, a check character, a valid birth date, adult. Checked again by the server. */
function idNumberProblem(s) {
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号应为18位(末位可为X)';
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, wi, i) => acc + wi * Number(s[i]), 0);
  if ('10X98765432'[sum % 11] !== s[17]) return '身份证号校验位不正确';
  const y = Number(s.slice(6, 10)), m = Number(s.slice(10, 12)), d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return '身份证号中的出生日期无效';
  const adult = new Date(Date.UTC(y + 18, m - 1, d));
  if (adult > new Date()) return '提现须年满18周岁';
  return null;
}

async function identityPage() {
  const current = await api('GET', '/api/v1/me/identity');
  const name = h('input', { id: 'real-name', maxlength: 50, autocomplete: 'name' });
  const idNo = h('input', { id: 'id-number', maxlength: 18, autocomplete: 'off', inputmode: 'text' });
  const button = h('button', { type: 'submit', id: 'verify' }, '提交认证');
  const out = h('div');
  const form = h('form', { class: 'card', id: 'identity-form' },
    h('h2', null, current.verified ? '已实名认证' : '实名认证'),
    current.verified ? h('p', { id: 'verified' }, current.maskedName + ' ' + current.maskedIdNumber) : null,
    h('p', { class: 'muted' }, '依法代扣个人所得税需要实名信息。身份证号加密保存,仅以脱敏形式展示;一个身份证号仅可认证一个账号。'),
    h('label', { for: 'real-name' }, '真实姓名'), name,
    h('label', { for: 'id-number' }, '身份证号'), idNo,
    button, out);
  form.addEventListener('submit', action(button, out, async () => {
    const number = idNo.value.trim().toUpperCase();
    const problem = idNumberProblem(number);
    if (!name.value.trim()) throw new ApiError(400, { detail: '请填写真实姓名' });
    if (problem) throw new ApiError(400, { detail: problem });
    const r = await api('PUT', '/api/v1/me/identity', { realName: name.value.trim(), idNumber: number });
    idNo.value = '';
    toast('认证成功:' + r.maskedName + ' ' + r.maskedIdNumber);
    go('withdraw');
  }));
  page('实名认证', 'wallet', form);
}

async function withdrawPage() {
  const w = await api('GET', '/api/v1/me/wallet');
  const amount = h('input', { id: 'amount', inputmode: 'decimal', placeholder: '最低 1.00 元', autocomplete: 'off' });
  const channel = h('select', { id: 'channel' },
    h('option', { value: 'WECHAT' }, CHANNEL.WECHAT), h('option', { value: 'BANK' }, CHANNEL.BANK));
  const quoteButton = h('button', { type: 'submit', id: 'quote' }, '计算到账金额');
  const quoteOut = h('div', { id: 'quote-result' });
  const out = h('div');
  let idempotencyKey = null;
  const form = h('form', { class: 'card', id: 'withdraw-form' },
    h('h2', null, '提现'),
    h('p', null, '可提现 ', h('b', { id: 'withdraw-available' }, money(w.availableFen))),
    h('label', { for: 'amount' }, '提现金额(元)'), amount,
    h('label', { for: 'channel' }, '到账方式'), channel,
    quoteButton, out);
  // a changed amount or channel needs a new quote and a new key
  const reset = () => { quoteOut.replaceChildren(); idempotencyKey = null; };
  amount.addEventListener('input', reset);
  channel.addEventListener('change', reset);
  form.addEventListener('submit', action(quoteButton, out, async () => {
    const fen = parseYuan(amount.value);
    if (fen === null || fen <= 0) throw new ApiError(400, { detail: '请输入正确的金额,最多两位小数' });
    const body = { amountFen: fen, channel: channel.value };
    const q = await api('POST', '/api/v1/me/withdrawals/quote', body);
    idempotencyKey = newKey();
    const confirmButton = h('button', { type: 'button', id: 'confirm' }, '确认提现');
    const confirmOut = h('div');
    confirmButton.addEventListener('click', action(confirmButton, confirmOut, async () => {
      // the same key on a retry (double tap, lost answer) returns the same withdrawal
      const r = await api('POST', '/api/v1/me/withdrawals', body, { 'Idempotency-Key': idempotencyKey });
      toast('提现申请已提交:' + (WITHDRAWAL_STATUS[r.status] || r.status));
      go('withdrawals');
    }));
    quoteOut.replaceChildren(h('div', { class: 'card' },
      h('h2', null, '确认提现'),
      h('dl', { class: 'kv' },
        h('dt', null, '提现金额'), h('dd', { id: 'q-amount' }, money(q.amountFen)),
        h('dt', null, '手续费'), h('dd', { id: 'q-fee' }, money(q.feeFen)),
        h('dt', null, '代扣个税'), h('dd', { id: 'q-tax' }, money(q.taxFen)),
        h('dt', null, '实际到账'), h('dd', { id: 'q-net', class: 'amount' }, money(q.netFen)),
        h('dt', null, '到账方式'), h('dd', null, CHANNEL[q.channel] || q.channel),
        h('dt', null, '预计到账'), h('dd', { id: 'q-arrival' }, when(q.expectedArrival))),
      h('p', { class: 'muted' }, '个人所得税按劳务报酬由平台依法代扣代缴。'),
      confirmButton, confirmOut));
  }));
  page('提现', 'wallet', form, quoteOut);
}

async function withdrawalsPage() {
  const list = h('ul', { class: 'list', id: 'withdrawal-list' });
  const more = h('button', { class: 'secondary', type: 'button', hidden: true }, '加载更多');
  const out = h('div');
  let cursor = null;
  async function load() {
    const qs = new URLSearchParams({ size: '20' });
    if (cursor) qs.set('cursor', cursor);
    const r = await api('GET', '/api/v1/me/withdrawals?' + qs);
    for (const x of r.items) {
      list.append(h('li', { class: 'withdrawal', dataset: { id: x.id, status: x.status } },
        h('div', { class: 'item-top' },
          h('span', null, CHANNEL[x.channel] || x.channel, h('span', { class: 'tag ' + x.status }, WITHDRAWAL_STATUS[x.status] || x.status)),
          h('span', { class: 'amount' }, money(x.amountFen))),
        h('div', { class: 'muted' }, `手续费 ${money(x.feeFen)} · 个税 ${money(x.taxFen)} · 到账 ${money(x.netFen)}`),
        h('div', { class: 'muted' }, '申请于 ' + when(x.createdAt), x.paidAt ? ' · 到账于 ' + when(x.paidAt) : ''),
        x.reason ? h('div', { class: 'error' }, x.reason) : null));
    }
    if (!list.children.length) list.append(h('li', { class: 'muted' }, '暂无提现记录'));
    cursor = r.nextCursor;
    more.hidden = !cursor;
  }
  more.addEventListener('click', action(more, out, load));
  await load();
  page('提现记录', 'wallet', h('div', { class: 'card' }, list, more, out),
    h('a', { class: 'button secondary', href: '#/wallet' }, '返回钱包'));
}

// ---------------------------------------------------------------- router

const ROUTES = {
  login: loginPage,
  home: homePage,
  team: teamPage,
  commissions: commissionsPage,
  wallet: walletPage,
  identity: identityPage,
  withdraw: withdrawPage,
  withdrawals: withdrawalsPage,
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
  const [name, qs] = location.hash.replace(/^#\/?/, '').split('?');
  let route = ROUTES[name] ? name : 'home';
  if (!store.token) route = 'login';
  const mine = ++rendering;
  try {
    await ROUTES[route](new URLSearchParams(qs || ''));
  } catch (e) {
    if (mine !== rendering) return;
    if (e instanceof ApiError && e.status === 401) return;
    page('出错了', null, h('div', { class: 'card' }, errorBox(e),
      h('button', { type: 'button', onclick: () => render() }, '重试')));
  }
}

// The mini-program may open the web-view with its member token in the fragment (never sent to a server):
// /h5/#token=<member token>. It is kept like a login's and removed from the address at once.
if (location.hash.startsWith('#token=')) {
  store.token = decodeURIComponent(location.hash.slice('#token='.length));
  history.replaceState(null, '', location.pathname + location.search + '#/home');
}

window.addEventListener('hashchange', render);
render();
