// Where an invite code comes from when the mini-program opens:
//  - a share card (onShareAppMessage path /pages/index/index?invite=CODE): query.invite, channel LINK;
//  - a scanned mini-program code (getwxacodeunlimit, scene "c=CODE"): query.scene, URL-encoded by
//    WeChat, channel WXACODE;
//  - the H5 link's ?invite= (a web-view or a link opened in the mini-program): the same as a share card.
// The code is kept until a login carries it, so a new member registers with it (first binding wins).

const PENDING_KEY = 'fx.pendingInvite';
const CODE = /^[A-Za-z0-9]{4,32}$/;

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    return s;
  }
}

/** "c%3DABC123" or "c=ABC123" (or a bare code) -> "ABC123"; null when there is none. */
function codeFromScene(scene) {
  if (!scene) return null;
  let s = String(scene);
  // WeChat passes scene encoded once; a scene read from a link may be encoded twice
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(s); i++) s = safeDecode(s);
  let code = null;
  for (const part of s.split('&')) {
    const [k, v] = part.split('=');
    if (v !== undefined && (k === 'c' || k === 'invite' || k === 'inviteCode')) code = v;
  }
  if (code === null && s.indexOf('=') < 0) code = s;
  code = code && code.trim();
  return code && CODE.test(code) ? code.toUpperCase() : null;
}

/** Page or launch options -> {code, channel} or null. */
function inviteFromOptions(options) {
  const q = (options && (options.query || options)) || {};
  if (q.scene) {
    const code = codeFromScene(q.scene);
    if (code) return { code, channel: 'WXACODE' };
  }
  const raw = q.invite || q.inviteCode;
  if (raw) {
    const code = safeDecode(String(raw)).trim();
    if (CODE.test(code)) return { code: code.toUpperCase(), channel: q.channel === 'QR' ? 'QR' : 'LINK' };
  }
  return null;
}

function remember(invite) {
  if (invite) wx.setStorageSync(PENDING_KEY, invite);
}

function pending() {
  const v = wx.getStorageSync(PENDING_KEY);
  return v && v.code ? v : null;
}

function forget() {
  wx.removeStorageSync(PENDING_KEY);
}

module.exports = { codeFromScene, inviteFromOptions, remember, pending, forget, PENDING_KEY };
