const { installWx, flush } = require('./helpers/wx');
const { render, text } = require('./helpers/load');

const AGREEMENT = { version: '2026-11', title: '推广员协议', paragraphs: ['第一条 免费注册。', '第二条 仅两级。'], effectiveAt: '2026-11-01T00:00:00Z' };

describe('login page', () => {
  test('shows the agreement in force and logs in with its version after it is accepted', async () => {
    const gw = installWx({
      'GET /api/v1/auth/agreement': () => AGREEMENT,
      'POST /api/v1/auth/login': () => ({ token: 't-1', expiresIn: 7200, userId: '42', newUser: true, binding: { bound: false } }),
    });
    const page = render('pages/login/login');
    await page.instance.onLoad({});
    await flush();
    expect(text(page, '#agreement')).toContain('第二条 仅两级。');
    expect(page.dom.textContent).toContain('协议版本 2026-11');

    await page.instance.login();
    expect(text(page, '#login-error')).toBe('请先阅读并同意《推广员协议》');
    expect(gw.calls.requests.filter((r) => r.path === '/api/v1/auth/login')).toHaveLength(0);

    page.instance.onAgreeChange({ detail: { value: ['yes'] } });
    await page.instance.login();
    const login = gw.calls.requests.find((r) => r.path === '/api/v1/auth/login');
    expect(login.method).toBe('POST');
    expect(login.data).toEqual({ code: 'wx-code-1', deviceId: expect.stringMatching(/^mp-/), agreementVersion: '2026-11' });
    expect(gw.storage.get('fx.token')).toBe('t-1');
    expect(gw.storage.get('fx.agreementVersion')).toBe('2026-11');
    expect(gw.calls.navigations).toContainEqual(['reLaunch', '/pages/index/index']);
    expect(gw.calls.toasts).toContain('注册成功');
  });

  test('an unknown agreement version comes back as its Chinese detail', async () => {
    installWx({
      'GET /api/v1/auth/agreement': () => AGREEMENT,
      'POST /api/v1/auth/login': () => ({ statusCode: 400, data: { type: 'about:blank', title: 'Bad Request', status: 400, detail: '协议版本已更新,请重新阅读并同意', code: 'AGREEMENT_VERSION_UNKNOWN' } }),
    });
    const page = render('pages/login/login');
    await page.instance.onLoad({});
    page.instance.onAgreeChange({ detail: { value: ['yes'] } });
    await page.instance.login();
    expect(text(page, '#login-error')).toBe('协议版本已更新,请重新阅读并同意');
  });

  test('offline shows a retry state instead of a blank page, and retry loads', async () => {
    const gw = installWx({ 'GET /api/v1/auth/agreement': () => AGREEMENT });
    gw.state.offline = true;
    const page = render('pages/login/login');
    await page.instance.onLoad({});
    await flush();
    expect(page.dom.textContent).toContain('网络连接失败');
    expect(page.dom.textContent).toContain('网络不可用,请检查网络后重试');
    gw.state.offline = false;
    await page.instance.load();
    await flush();
    expect(text(page, '#agreement')).toContain('第一条');
    expect(page.dom.textContent).not.toContain('网络连接失败');
  });
});
