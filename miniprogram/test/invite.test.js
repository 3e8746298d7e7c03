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

describe('promoter center', () => {
  function loggedIn(routes) {
    const gw = installWx(routes);
    gw.storage.set('fx.token', 't-1');
    gw.storage.set('fx.agreementVersion', '2026-11');
    return gw;
  }

  test('unbinds once within the cooling-off after a confirmation', async () => {
    let bound = true;
    const gw = loggedIn({
      'GET /api/v1/me/promoter': () => promoter(bound),
      'POST /api/v1/me/relation/unbind': () => { bound = false; return { userId: '42', bound: false }; },
    });
    const page = render('pages/index/index');
    page.instance.onLoad({});
    await page.instance.onShow();
    await flush();
    await page.instance.unbind();
    await flush();
    expect(gw.calls.modals[0].title).toBe('解除绑定');
    expect(gw.calls.requests.filter((r) => r.path === '/api/v1/me/relation/unbind')).toHaveLength(1);
    expect(page.querySelector('#bind-code')).toBeTruthy();
  });

  test('a refused manual binding shows the problem detail', async () => {
    loggedIn({
      'GET /api/v1/me/promoter': () => promoter(false),
      'POST /api/v1/me/relation/bind': () => ({ statusCode: 409, data: { type: 'about:blank', title: 'Conflict', status: 409, detail: '您已有订单,不能再绑定邀请人', code: 'HAS_PAID_ORDER' } }),
    });
    const page = render('pages/index/index');
    await page.instance.onShow();
    await flush();
    page.instance.onBindInput({ detail: { value: 'AB3XY9K' } });
    await page.instance.bind();
    expect(text(page, '#action-error')).toBe('您已有订单,不能再绑定邀请人');
  });

  test('a newer agreement in force is shown and accepted', async () => {
    const gw = loggedIn({
      'GET /api/v1/me/promoter': () => Object.assign(promoter(false), { agreement: { acceptedVersion: '2026-11', currentVersion: '2026-12', reacceptRequired: true } }),
      'GET /api/v1/me/promoter/agreement': () => ({ acceptedVersion: '2026-11', currentVersion: '2026-12', reacceptRequired: true, current: { version: '2026-12', title: '推广员协议', paragraphs: ['新版第一条'], effectiveAt: '2026-12-01T00:00:00Z' } }),
      'POST /api/v1/me/promoter/agreement': () => ({ acceptedVersion: '2026-12', currentVersion: '2026-12', reacceptRequired: false }),
    });
    const page = render('pages/index/index');
    await page.instance.onShow();
    await flush();
    expect(text(page, '#agreement-update')).toContain('新版第一条');
    await page.instance.acceptAgreement();
    expect(gw.calls.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/me/promoter/agreement').data).toEqual({ version: '2026-12' });
    expect(gw.storage.get('fx.agreementVersion')).toBe('2026-12');
    expect(page.querySelector('#agreement-update')).toBeFalsy();
  });

  test('offline: a retry state, and retry loads the page', async () => {
    const gw = loggedIn({ 'GET /api/v1/me/promoter': () => promoter(false) });
    gw.state.offline = true;
    const page = render('pages/index/index');
    await page.instance.onShow();
    await flush();
    expect(page.dom.textContent).toContain('网络连接失败');
    gw.state.offline = false;
    await page.instance.refresh();
    await flush();
    expect(text(page, '#my-invite-code')).toBe('MYCODE8');
  });
});
