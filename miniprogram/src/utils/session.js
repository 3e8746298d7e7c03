// What this phone remembers: the member token (and when it expires), the agreement version accepted,
// and a device id (anti-abuse screening counts registrations per device). Nothing else is stored.
const TOKEN = 'fx.token';
const EXPIRES = 'fx.tokenExpiresAt';
const AGREED = 'fx.agreementVersion';
const DEVICE = 'fx.deviceId';
const USER = 'fx.userId';

function token() {
  const t = wx.getStorageSync(TOKEN);
  if (!t) return null;
  const exp = wx.getStorageSync(EXPIRES);
  if (exp && Date.now() >= exp) return null;
  return t;
}

function save(login) {
  wx.setStorageSync(TOKEN, login.token);
  // renew a minute early so a request never races the expiry
  if (login.expiresIn) wx.setStorageSync(EXPIRES, Date.now() + (Number(login.expiresIn) - 60) * 1000);
  if (login.userId) wx.setStorageSync(USER, login.userId);
}

function clear() {
  wx.removeStorageSync(TOKEN);
  wx.removeStorageSync(EXPIRES);
}

function agreedVersion() {
  return wx.getStorageSync(AGREED) || null;
}

function setAgreedVersion(v) {
  wx.setStorageSync(AGREED, v);
}

function deviceId() {
  let id = wx.getStorageSync(DEVICE);
  if (!id) {
    id = 'mp-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
    wx.setStorageSync(DEVICE, id);
  }
  return id;
}

module.exports = { token, save, clear, agreedVersion, setAgreedVersion, deviceId };
