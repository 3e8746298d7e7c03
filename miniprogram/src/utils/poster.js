// The invite poster: drawn on a canvas 2d node (title, invite code, the mini-program code image),
// exported to a temp file, and saved to the album behind the album permission
// (wx.getSetting → wx.authorize → after a refusal, wx.openSetting from a tap in a modal).
const { ApiError } = require('./api');

const WIDTH = 600;
const HEIGHT = 900;

function loadImage(canvas, src) {
  return new Promise((resolve, reject) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new ApiError(400, { detail: '海报图片加载失败,请重试' }));
    img.src = src;
  });
}

/** Draws the poster on a canvas 2d node; codeImage is a local path of the mini-program code (or QR). */
async function draw(canvas, { inviteCode, nickname, codeImage, dpr = 2 }) {
  canvas.width = WIDTH * dpr;
  canvas.height = HEIGHT * dpr;
  const ctx = canvas.getContext('2d');
  ctx.scale(dpr, dpr);
  ctx.fillStyle = '#c8331f';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(40, 160, WIDTH - 80, HEIGHT - 220);
  ctx.textAlign = 'center';
  ctx.font = 'bold 44px sans-serif';
  ctx.fillText('邀请你一起逛好店', WIDTH / 2, 100);
  ctx.fillStyle = '#1f2329';
  ctx.font = '28px sans-serif';
  ctx.fillText((nickname ? nickname + ' ' : '') + '邀请你加入', WIDTH / 2, 230);
  if (codeImage) {
    const img = await loadImage(canvas, codeImage);
    ctx.drawImage(img, (WIDTH - 360) / 2, 270, 360, 360);
  }
  ctx.font = 'bold 40px sans-serif';
  ctx.fillText('邀请码 ' + inviteCode, WIDTH / 2, 700);
  ctx.fillStyle = '#5c5f66';
  ctx.font = '24px sans-serif';
  ctx.fillText('长按识别小程序码,注册即绑定', WIDTH / 2, 750);
  ctx.fillText('本平台仅支持两级分佣,收益来自真实消费', WIDTH / 2, 800);
}

function toTempFile(canvas) {
  return new Promise((resolve, reject) => {
    wx.canvasToTempFilePath({
      canvas,
      fileType: 'png',
      success: (r) => resolve(r.tempFilePath),
      fail: () => reject(new ApiError(400, { detail: '海报生成失败,请重试' })),
    });
  });
}

const SCOPE = 'scope.writePhotosAlbum';

function getSetting() {
  return new Promise((resolve) => {
    wx.getSetting({ success: (r) => resolve(r.authSetting || {}), fail: () => resolve({}) });
  });
}

function authorize() {
  return new Promise((resolve) => {
    wx.authorize({ scope: SCOPE, success: () => resolve(true), fail: () => resolve(false) });
  });
}

function askToOpenSetting() {
  return new Promise((resolve) => {
    wx.showModal({
      title: '需要相册权限',
      content: '保存海报需要允许访问相册,请在设置中开启“保存到相册”。',
      confirmText: '去设置',
      cancelText: '暂不',
      success: (r) => {
        if (!r.confirm) return resolve(false);
        wx.openSetting({
          success: (s) => resolve(Boolean(s.authSetting && s.authSetting[SCOPE])),
          fail: () => resolve(false),
        });
      },
      fail: () => resolve(false),
    });
  });
}

/** Resolves true when the album permission is (now) granted. */
async function ensureAlbumPermission() {
  const setting = await getSetting();
  if (setting[SCOPE] === true) return true;
  // never asked: the system prompt; refused before: only the settings page can grant it
  if (setting[SCOPE] === undefined && (await authorize())) return true;
  return askToOpenSetting();
}

async function saveToAlbum(filePath) {
  if (!(await ensureAlbumPermission())) {
    throw new ApiError(403, { detail: '未获得相册权限,海报未保存', code: 'ALBUM_DENIED' });
  }
  return new Promise((resolve, reject) => {
    wx.saveImageToPhotosAlbum({
      filePath,
      success: () => resolve(true),
      fail: (e) => reject(new ApiError(400, {
        detail: e && /cancel/.test(e.errMsg || '') ? '已取消保存' : '保存失败,请重试',
      })),
    });
  });
}

module.exports = { draw, toTempFile, saveToAlbum, ensureAlbumPermission, WIDTH, HEIGHT };
