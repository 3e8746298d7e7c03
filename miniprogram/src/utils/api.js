// The one place the mini-program talks to the gateway. Every endpoint it may call is listed in ENDPOINTS
// (method, path, query and body fields); test/contract.test.js holds that list against API.md and the
// services' controllers, so a request the server does not document cannot be sent from here.
const config = require('../config');
const session = require('./session');

const ENDPOINTS = {
  agreement: { method: 'GET', path: '/api/v1/auth/agreement', auth: false },
  login: {
    method: 'POST', path: '/api/v1/auth/login', auth: false,
    body: ['code', 'inviteCode', 'channel', 'deviceId', 'agreementVersion', 'nickname'],
  },
  promoter: { method: 'GET', path: '/api/v1/me/promoter' },
  myAgreement: { method: 'GET', path: '/api/v1/me/promoter/agreement' },
  acceptAgreement: { method: 'POST', path: '/api/v1/me/promoter/agreement', body: ['version'] },
  qrcode: { method: 'GET', path: '/api/v1/me/promoter/qrcode', image: true },
  wxacode: { method: 'GET', path: '/api/v1/me/promoter/wxacode', image: true },
  bind: { method: 'POST', path: '/api/v1/me/relation/bind', body: ['inviteCode'] },
  unbind: { method: 'POST', path: '/api/v1/me/relation/unbind' },
  team: { method: 'GET', path: '/api/v1/me/team', query: ['level', 'cursor', 'size'] },
  commissions: { method: 'GET', path: '/api/v1/me/commissions', query: ['status', 'cursor', 'size'] },
  wallet: { method: 'GET', path: '/api/v1/me/wallet' },
  identity: { method: 'GET', path: '/api/v1/me/identity' },
  verifyIdentity: { method: 'PUT', path: '/api/v1/me/identity', body: ['realName', 'idNumber'] },
  quote: { method: 'POST', path: '/api/v1/me/withdrawals/quote', body: ['amountFen', 'channel'] },
  withdraw: {
    method: 'POST', path: '/api/v1/me/withdrawals', body: ['amountFen', 'channel'], headers: ['Idempotency-Key'],
  },
  withdrawals: { method: 'GET', path: '/api/v1/me/withdrawals', query: ['cursor', 'size'] },
  confirmation: { method: 'GET', path: '/api/v1/me/withdrawals/{id}/confirmation' },
  reportConfirmation: {
    method: 'POST', path: '/api/v1/me/withdrawals/{id}/confirmation', body: ['result', 'errMsg'],
  },
};

const NETWORK_DETAIL = '网络不可用,请检查网络后重试';

/** A problem (RFC 9457: type, title, status, detail, code) or a network failure, as one error. */
class ApiError extends Error {
  constructor(status, problem) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(p.detail || p.title || (status ? `请求失败(${status})` : NETWORK_DETAIL));
    this.name = 'ApiError';
    this.status = status;
    this.type = p.type;
    this.title = p.title;
    this.detail = p.detail || p.title || this.message;
    this.code = p.code || (status === 0 ? 'NETWORK' : undefined);
    this.traceId = p.traceId;
    this.offline = status === 0;
  }
}

/** What a person reads for an error: the problem's Chinese detail. */
function problemText(e) {
  if (!e) return '';
  return e.detail || e.title || e.message || '请求失败,请稍后重试';
}

function encodeQuery(query) {
  const parts = [];
  Object.keys(query || {}).forEach((k) => {
    const v = query[k];
    if (v !== undefined && v !== null && v !== '') parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(v)));
  });
  return parts.length ? '?' + parts.join('&') : '';
}

function fill(path, params) {
  return path.replace(/\{(\w+)\}/g, (_, k) => {
    if (!params || params[k] === undefined || params[k] === null) throw new Error('missing path parameter ' + k);
    return encodeURIComponent(String(params[k]));
  });
}

function pick(fields, source) {
  if (!fields || !source) return undefined;
  const out = {};
  fields.forEach((f) => {
    if (source[f] !== undefined && source[f] !== null) out[f] = source[f];
  });
  return out;
}

/** Builds the request an endpoint sends: URL, method, headers, body. Only documented fields leave. */
function build(name, { params, query, body, headers } = {}) {
  const e = ENDPOINTS[name];
  if (!e) throw new Error('unknown endpoint ' + name);
  const header = { Accept: 'application/json, application/problem+json' };
  if (e.body) header['Content-Type'] = 'application/json';
  (e.headers || []).forEach((h) => {
    if (headers && headers[h]) header[h] = headers[h];
  });
  if (e.auth !== false && session.token()) header.Authorization = 'Bearer ' + session.token();
  return {
    url: config.gatewayUrl.replace(/\/+$/, '') + fill(e.path, params) + encodeQuery(pick(e.query, query)),
    method: e.method,
    header,
    data: e.body ? pick(e.body, body || {}) : undefined,
  };
}

function rawSend(req) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: req.url,
      method: req.method,
      header: req.header,
      data: req.data,
      dataType: 'json',
      timeout: 15000,
      success(res) {
        const status = res.statusCode;
        let data = res.data;
        if (typeof data === 'string' && data) {
          try { data = JSON.parse(data); } catch (e) { data = { detail: data.slice(0, 200) }; }
        }
        if (status >= 200 && status < 300) resolve(data === '' ? null : data);
        else reject(new ApiError(status, data));
      },
      fail() {
        reject(new ApiError(0, { detail: NETWORK_DETAIL, code: 'NETWORK' }));
      },
    });
  });
}

let relogin = null;
/** auth.js registers how to get a new token when one is refused (401), so api.js needs no auth import. */
function onUnauthorized(fn) {
  relogin = fn;
}

function ensureRelogin() {
  // app.js loads auth.js at launch; a page reached without it (tests, plugins) loads it here
  if (!relogin) require('./auth');
  return Boolean(relogin);
}

/** Calls an endpoint; a refused token is renewed once by a silent re-login, then the call is repeated. */
async function call(name, options = {}) {
  const e = ENDPOINTS[name];
  try {
    return await rawSend(build(name, options));
  } catch (err) {
    if (err.status === 401 && e.auth !== false && !options.retried && ensureRelogin()) {
      session.clear();
      await relogin();
      return call(name, Object.assign({}, options, { retried: true }));
    }
    throw err;
  }
}

/** Downloads a protected image (QR code, mini-program code) with the token; resolves a temp file path. */
function image(name, retried) {
  const req = build(name);
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url: req.url,
      header: { Authorization: req.header.Authorization || '' },
      success(res) {
        if (res.statusCode === 200) resolve(res.tempFilePath);
        else reject(new ApiError(res.statusCode, { detail: res.statusCode === 404 ? '小程序码暂不可用' : '图片加载失败' }));
      },
      fail() {
        reject(new ApiError(0, { detail: NETWORK_DETAIL, code: 'NETWORK' }));
      },
    });
  }).catch(async (err) => {
    if (err.status === 401 && !retried && ensureRelogin()) {
      session.clear();
      await relogin();
      return image(name, true);
    }
    throw err;
  });
}

/** A new idempotency key (RFC 4122 v4 form) for a request a person may retry. */
function newKey() {
  const b = [];
  for (let i = 0; i < 16; i++) b.push(Math.floor(Math.random() * 256));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = b.map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

module.exports = {
  ENDPOINTS, ApiError, problemText, build, call, image, onUnauthorized, newKey, NETWORK_DETAIL,
  agreement: () => call('agreement'),
  login: (body) => call('login', { body }),
  promoter: () => call('promoter'),
  myAgreement: () => call('myAgreement'),
  acceptAgreement: (version) => call('acceptAgreement', { body: { version } }),
  qrcode: () => image('qrcode'),
  wxacode: () => image('wxacode'),
  bind: (inviteCode) => call('bind', { body: { inviteCode } }),
  unbind: () => call('unbind'),
  team: (level, cursor, size = 20) => call('team', { query: { level, cursor, size } }),
  commissions: (status, cursor, size = 20) => call('commissions', { query: { status, cursor, size } }),
  wallet: () => call('wallet'),
  identity: () => call('identity'),
  verifyIdentity: (realName, idNumber) => call('verifyIdentity', { body: { realName, idNumber } }),
  quote: (amountFen, channel) => call('quote', { body: { amountFen, channel } }),
  withdraw: (amountFen, channel, key) =>
    call('withdraw', { body: { amountFen, channel }, headers: { 'Idempotency-Key': key } }),
  withdrawals: (cursor, size = 20) => call('withdrawals', { query: { cursor, size } }),
  confirmation: (id) => call('confirmation', { params: { id } }),
  reportConfirmation: (id, result, errMsg) =>
    call('reportConfirmation', { params: { id }, body: { result, errMsg } }),
};
