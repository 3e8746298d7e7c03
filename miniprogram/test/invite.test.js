const { installWx, flush } = require('./helpers/wx');
const { render, text } = require('./helpers/load');
const { codeFromScene, inviteFromOptions } = require('../src/utils/invite');

const FUTURE = new Date(Date.now() + 5 * 86400000).toISOString();

function promoter(bound) {
  return {
    userId: '42', inviteCode: 'MYCODE8', inviteLink: 'https://gw.example/h5/?invite=MYCODE8',
    qrCodeUrl: '/api/v1/me/promoter/qrcode', miniProgramCodeUrl: '/api/v1/me/promoter/wxacode',
    inviter: bound ? { userId: '7', nickname: '张*' } : undefined,
    boundAt: bound ? '2026-11-30T02:00:00Z' : undefined,
    coolingOffEndsAt: bound ? FUTURE : undefined,
    level1Count: 3, level2Count: 5,
    agreement: { acceptedVersion: '2026-11', currentVersion: '2026-11', reacceptRequired: false },
  };
}

function gateway(loginBodies) {
  let bound = false;
  return installWx({
    'POST /api/v1/auth/login': (req) => {
      loginBodies.push(req.data);
      bound = Boolean(req.data.inviteCode);
      return { token: 't-2', expiresIn: 7200, userId: '42', newUser: false, binding: bound ? { bound: true, inviterId: '7' } : { bound: false } };
    },
    'GET /api/v1/me/promoter': () => promoter(bound),
  });
}

describe('invite code from the entry', () => {
  test('decodes the scene of a scanned mini-program code', () => {
    expect(codeFromScene('c%3DAB3XY9K')).toBe('AB3XY9K');
    expect(codeFromScene('c=ab3xy9k')).toBe('AB3XY9K');
    expect(codeFromScene('c%253DAB3XY9K')).toBe('AB3XY9K');
    expect(codeFromScene('AB3XY9K')).toBe('AB3XY9K');
    expect(codeFromScene('x=1')).toBeNull();
    expect(codeFromScene('c=<script>')).toBeNull();
    expect(inviteFromOptions({ query: { scene: 'c%3DAB3XY9K' } })).toEqual({ code: 'AB3XY9K', channel: 'WXACODE' });
    expect(inviteFromOptions({ query: { invite: 'AB3XY9K' } })).toEqual({ code: 'AB3XY9K', channel: 'LINK' });
    expect(inviteFromOptions({ query: {} })).toBeNull();
  });

  test('a scanned code (scene) binds the inviter through login and shows who invited me and the cooling-off', async () => {
    const bodies = [];
    const gw = gateway(bodies);
    gw.storage.set('fx.agreementVersion', '2026-11');
    gw.storage.set('fx.token', 'old-token');
    const page = render('pages/index/index');
    page.instance.onLoad({ scene: 'c%3DAB3XY9K' });
    await page.instance.onShow();
    await flush();
    expect(bodies).toEqual([expect.objectContaining({ inviteCode: 'AB3XY9K', channel: 'WXACODE', agreementVersion: '2026-11' })]);
    expect(text(page, '#bind-message')).toBe('已绑定邀请人');
    expect(text(page, '#inviter-name')).toBe('张*');
    expect(text(page, '#cooling-off')).toContain('冷静期至');
    expect(page.querySelector('#unbind')).toBeTruthy();
    expect(gw.storage.has('fx.pendingInvite')).toBe(false);
    expect(text(page, '#level1-count')).toBe('3');
    expect(text(page, '#level2-count')).toBe('5');
    expect(page.dom.textContent).toContain('本平台仅支持两级分佣,收益来自真实消费');
  });

  test('a share card path (?invite=) binds with channel LINK; the share card carries my own code', async () => {
    const bodies = [];
    const gw = gateway(bodies);
    gw.storage.set('fx.agreementVersion', '2026-11');
    const page = render('pages/index/index');
    page.instance.onLoad({ invite: 'AB3XY9K' });
    await page.instance.onShow();
    await flush();
    expect(bodies[0]).toEqual(expect.objectContaining({ inviteCode: 'AB3XY9K', channel: 'LINK' }));
    expect(text(page, '#inviter-name')).toBe('张*');
    expect(page.instance.onShareAppMessage()).toEqual(expect.objectContaining({ path: '/pages/index/index?invite=MYCODE8' }));
    // images come from the image endpoints with the token
    expect(gw.calls.downloads.map((d) => d.url)).toEqual(expect.arrayContaining([
      'http://127.0.0.1:8080/api/v1/me/promoter/wxacode', 'http://127.0.0.1:8080/api/v1/me/promoter/qrcode']));
    expect(gw.calls.downloads[0].header.Authorization).toBe('Bearer t-2');
  });

  test('a first-time member with an invite is sent to the agreement, and the invite waits for that login', async () => {
    const gw = gateway([]);
    const page = render('pages/index/index');
    page.instance.onLoad({ scene: 'c%3DAB3XY9K' });
    await page.instance.onShow();
    expect(gw.calls.navigations).toContainEqual(['reLaunch', '/pages/login/login']);
    expect(gw.storage.get('fx.pendingInvite')).toEqual({ code: 'AB3XY9K', channel: 'WXACODE' });
  });

  test('a refused binding is explained in Chinese', async () => {
    const gw = installWx({
      'POST /api/v1/auth/login': () => ({ token: 't', expiresIn: 7200, userId: '42', newUser: false, binding: { bound: false, refusedReason: 'SELF_INVITE', refusedMessage: '不能绑定自己的邀请码' } }),
      'GET /api/v1/me/promoter': () => promoter(false),
    });
    gw.storage.set('fx.agreementVersion', '2026-11');
    const page = render('pages/index/index');
    page.instance.onLoad({ invite: 'MYCODE8' });
    await page.instance.onShow();
    await flush();
    expect(text(page, '#bind-message')).toBe('未能绑定邀请人:不能绑定自己的邀请码');
    expect(page.querySelector('#bind-code')).toBeTruthy();
  });
});
