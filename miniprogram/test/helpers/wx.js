// The boundary: a fake `wx` whose network answers come from a tiny in-memory gateway (routes by
// "METHOD /path"), whose storage is a Map, and whose UI calls are recorded. Page code runs unchanged.
const path = require('path');

const SRC = path.join(__dirname, '..', '..', 'src');

function installWx(routes = {}) {
  const storage = new Map();
  const calls = { requests: [], toasts: [], navigations: [], modals: [], transfers: [], downloads: [], saved: [] };
  const state = {
    offline: false,
    loginCodes: 0,
    modalConfirm: true,
    authSetting: {},
    authorizeResult: true,
    openSettingGrants: true,
    transfer: (opts) => opts.success({ errMsg: 'requestMerchantTransfer:ok' }),
  };
  const fake = {
    getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k, v) => storage.set(k, v),
    removeStorageSync: (k) => storage.delete(k),
    login: (o) => { state.loginCodes += 1; o.success({ code: 'wx-code-' + state.loginCodes, errMsg: 'login:ok' }); },
    request: (o) => {
      const [pathOnly, qs] = o.url.replace(/^https?:\/\/[^/]+/, '').split('?');
      const query = {};
      (qs || '').split('&').filter(Boolean).forEach((p) => {
        const [k, v] = p.split('=');
        query[decodeURIComponent(k)] = decodeURIComponent(v || '');
      });
      const req = { method: o.method || 'GET', path: pathOnly, query, header: o.header || {}, data: o.data, url: o.url };
      calls.requests.push(req);
      setTimeout(() => {
        if (state.offline) return o.fail({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' });
        const handler = findRoute(routes, req);
        if (!handler) return o.success({ statusCode: 404, data: problem(404, 'NOT_FOUND', '接口不存在: ' + req.path) });
        const res = handler(req);
        if (res === 'offline') return o.fail({ errMsg: 'request:fail' });
        o.success(res.statusCode ? res : { statusCode: 200, data: res });
      }, 0);
    },
    downloadFile: (o) => {
      calls.downloads.push(o);
      setTimeout(() => (state.offline ? o.fail({ errMsg: 'downloadFile:fail' })
        : o.success({ statusCode: 200, tempFilePath: 'http://tmp/' + o.url.split('/').pop() + '.png' })), 0);
    },
    showToast: (o) => calls.toasts.push(o.title),
    showModal: (o) => { calls.modals.push(o); o.success && o.success({ confirm: state.modalConfirm, cancel: !state.modalConfirm }); },
    showLoading: () => {}, hideLoading: () => {},
    reLaunch: (o) => calls.navigations.push(['reLaunch', o.url]),
    navigateTo: (o) => calls.navigations.push(['navigateTo', o.url]),
    redirectTo: (o) => calls.navigations.push(['redirectTo', o.url]),
    switchTab: (o) => calls.navigations.push(['switchTab', o.url]),
    navigateBack: () => calls.navigations.push(['navigateBack']),
    stopPullDownRefresh: () => calls.navigations.push(['stopPullDownRefresh']),
    setClipboardData: (o) => o.success && o.success(),
    showShareMenu: () => {},
    canIUse: () => true,
    getSetting: (o) => o.success({ authSetting: Object.assign({}, state.authSetting) }),
    authorize: (o) => {
      if (state.authorizeResult) { state.authSetting[o.scope] = true; o.success({}); } else { state.authSetting[o.scope] = false; o.fail({ errMsg: 'authorize:fail auth deny' }); }
    },
    openSetting: (o) => {
      if (state.openSettingGrants) state.authSetting['scope.writePhotosAlbum'] = true;
      o.success({ authSetting: Object.assign({}, state.authSetting) });
    },
    saveImageToPhotosAlbum: (o) => { calls.saved.push(o.filePath); o.success({}); },
    canvasToTempFilePath: (o) => o.success({ tempFilePath: 'http://tmp/poster.png' }),
    requestMerchantTransfer: (o) => { calls.transfers.push(o); state.transfer(o); },
  };
  Object.assign(global.wx, fake);
  return { storage, calls, state, routes };
}

function findRoute(routes, req) {
  const key = req.method + ' ' + req.path;
  if (routes[key]) return routes[key];
  for (const k of Object.keys(routes)) {
    const [m, p] = k.split(' ');
    if (m !== req.method || p.indexOf('{') < 0) continue;
    const re = new RegExp('^' + p.replace(/\{\w+\}/g, '[^/]+') + '$');
    if (re.test(req.path)) return routes[k];
  }
  return null;
}

function problem(status, code, detail) {
  return { type: 'https://fenxiao.example/problems/' + code.toLowerCase(), title: code, status, detail, code };
}

function problemAnswer(status, code, detail) {
  return { statusCode: status, data: problem(status, code, detail) };
}

/** Lets queued promise callbacks and zero-delay timers run. */
async function flush(times = 8) {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}

module.exports = { SRC, installWx, problem, problemAnswer, flush };
