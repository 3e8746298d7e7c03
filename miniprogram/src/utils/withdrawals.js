// Withdrawals as shown, and the member's confirmation of a WeChat transfer bill: while a bill waits
// for the member (WAIT_USER_CONFIRM), GET …/{id}/confirmation gives mchId, appId and package for
// wx.requestMerchantTransfer, and the outcome is reported with POST …/{id}/confirmation.
const api = require('./api');
const { money, when, WITHDRAWAL_STATUS, CHANNEL } = require('./format');

const FINAL = ['PAID', 'FAILED', 'REJECTED', 'CANCELLED'];
const seen = {};

function needsConfirmation(w) {
  return Boolean(w) && (w.status === 'WAIT_USER_CONFIRM' || w.billState === 'WAIT_USER_CONFIRM'
    || (w.status === 'PAYING' && Boolean(w.packageInfo)));
}

function isFinal(w) {
  return Boolean(w) && FINAL.indexOf(w.status) >= 0;
}

function view(w) {
  const confirm = needsConfirmation(w);
  const v = Object.assign({}, w, {
    amount: money(w.amountFen),
    fee: money(w.feeFen),
    tax: money(w.taxFen),
    net: money(w.netFen),
    channelText: CHANNEL[w.channel] || w.channel || '',
    statusText: confirm ? WITHDRAWAL_STATUS.WAIT_USER_CONFIRM : (WITHDRAWAL_STATUS[w.status] || w.status),
    statusClass: confirm ? 'WAIT_USER_CONFIRM' : w.status,
    created: when(w.createdAt),
    paid: w.paidAt ? when(w.paidAt) : '',
    needsConfirmation: confirm,
    final: isFinal(w),
  });
  seen[w.id] = v;
  return v;
}

function byId(id) {
  return seen[id] || null;
}

/** Looks a withdrawal up by id in the member's list (newest first; a fresh one is on the first page). */
async function find(id) {
  let cursor = null;
  for (let i = 0; i < 5; i++) {
    const r = await api.withdrawals(cursor, 50);
    const items = r.items || [];
    items.forEach(view);
    const hit = items.find((w) => String(w.id) === String(id));
    if (hit) return view(hit);
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  throw new api.ApiError(404, { detail: '未找到这笔提现', code: 'NOT_FOUND' });
}

function transfer(c) {
  return new Promise((resolve) => {
    wx.requestMerchantTransfer({
      mchId: c.mchId,
      appId: c.appId,
      package: c.package,
      success: (r) => resolve({ result: 'CONFIRMED', errMsg: (r && r.errMsg) || 'requestMerchantTransfer:ok' }),
      fail: (e) => {
        const errMsg = (e && e.errMsg) || 'requestMerchantTransfer:fail';
        resolve({ result: /cancel/i.test(errMsg) ? 'CANCELLED' : 'FAILED', errMsg });
      },
    });
  });
}

const MESSAGES = {
  CONFIRMED: '已确认收款,等待到账',
  CANCELLED: '你已取消确认收款。24小时内可再次确认,逾期款项将退回钱包',
  FAILED: '确认收款未成功,请稍后重试',
};

/** Runs the member's confirmation of one withdrawal's transfer bill; resolves {result, errMsg, message}. */
async function confirmReceipt(id) {
  if (wx.canIUse && !wx.canIUse('requestMerchantTransfer')) {
    throw new api.ApiError(400, { detail: '当前微信版本过低,请升级微信后再确认收款', code: 'WECHAT_TOO_OLD' });
  }
  const c = await api.confirmation(id);
  const outcome = await transfer(c);
  try {
    await api.reportConfirmation(id, outcome.result, outcome.errMsg);
  } catch (e) {
    // the payout callback and the server's bill query settle the state anyway; the poll will show it
  }
  return Object.assign(outcome, { message: MESSAGES[outcome.result] });
}

module.exports = { view, byId, find, needsConfirmation, isFinal, confirmReceipt, FINAL };
