// Login: wx.login gives a one-time code; POST /api/v1/auth/login exchanges it (with the agreement version
// the member accepted, the device id and any invite waiting) for a member token.
const api = require('./api');
const session = require('./session');
const invite = require('./invite');

function wxLogin() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (r) => (r && r.code ? resolve(r.code) : reject(new api.ApiError(400, { detail: '微信登录失败,请重试' }))),
      fail: () => reject(new api.ApiError(0, { detail: '微信登录失败,请检查网络后重试', code: 'NETWORK' })),
    });
  });
}

/** What a login's binding answer means for the member, in Chinese; null when nothing is to be said. */
function bindingMessage(result, invited) {
  const b = (result && result.binding) || {};
  if (invited && !b.bound) return '未能绑定邀请人:' + (b.refusedMessage || b.refusedReason || '邀请码无效');
  if (invited && b.bound && b.inviterId) return result.newUser ? '注册成功,已绑定邀请人' : '已绑定邀请人';
  if (result && result.newUser) return '注册成功';
  return null;
}

/**
 * Logs in with the agreement version shown and accepted. A waiting invite (share card, scanned code)
 * travels with it; the server binds it for a member without an inviter and says why when it does not.
 */
async function login({ agreementVersion, nickname } = {}) {
  const version = agreementVersion || session.agreedVersion();
  if (!version) throw new api.ApiError(400, { detail: '请先阅读并同意《推广员协议》', code: 'AGREEMENT_REQUIRED' });
  const code = await wxLogin();
  const pending = invite.pending();
  const result = await api.login({
    code,
    deviceId: session.deviceId(),
    agreementVersion: version,
    inviteCode: pending ? pending.code : undefined,
    channel: pending ? pending.channel : undefined,
    nickname: nickname || undefined,
  });
  session.save(result);
  session.setAgreedVersion(version);
  if (pending) invite.forget();
  result.message = bindingMessage(result, Boolean(pending));
  return result;
}

let renewing = null;
/**
 * A refused token (401): log in again silently with the version this phone accepted. Without one, the
 * member has to see the agreement first, so the login page opens.
 */
function relogin() {
  if (!session.agreedVersion()) {
    wx.reLaunch({ url: '/pages/login/login' });
    return Promise.reject(new api.ApiError(401, { detail: '请先登录', code: 'UNAUTHORIZED' }));
  }
  if (!renewing) {
    renewing = login().finally(() => { renewing = null; });
  }
  return renewing.catch((e) => {
    wx.reLaunch({ url: '/pages/login/login' });
    throw e;
  });
}

api.onUnauthorized(relogin);

function loggedIn() {
  return Boolean(session.token());
}

module.exports = { login, relogin, loggedIn, bindingMessage };
