// Small helpers the pages share: how a failed call shows itself, a toast, a confirm dialog as a promise.
const { problemText } = require('./api');

/** The error-state component's input: the Chinese detail, and whether the phone is offline. */
function errorState(e) {
  return { detail: problemText(e), offline: Boolean(e && e.offline), code: (e && e.code) || '' };
}

function toast(title) {
  wx.showToast({ title: String(title).slice(0, 40), icon: 'none', duration: 2500 });
}

function confirm(title, content) {
  return new Promise((resolve) => {
    wx.showModal({ title, content, success: (r) => resolve(Boolean(r && r.confirm)), fail: () => resolve(false) });
  });
}

module.exports = { errorState, toast, confirm };
