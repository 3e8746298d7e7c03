const { installWx, problemAnswer, flush } = require('./helpers/wx');
const { render, text } = require('./helpers/load');

function loggedIn(gw) {
  gw.storage.set('fx.token', 't-1');
  gw.storage.set('fx.agreementVersion', '2026-11');
  return gw;
}

describe('wallet page', () => {
  test('shows every bucket in yuan, the masked identity, the debt and the compliance notice', async () => {
    const gw = loggedIn(installWx({
      'GET /api/v1/me/wallet': () => ({ pendingFen: 12345, availableFen: 100000, frozenFen: 5000, withdrawnFen: 300001, debtFen: 250 }),
      'GET /api/v1/me/identity': () => ({ verified: true, maskedName: '*三', maskedIdNumber: '1101**********1234' }),
      'GET /api/v1/me/withdrawals': () => ({ items: [{ id: '9001', status: 'PAYING', channel: 'WECHAT', amountFen: 5000, feeFen: 0, taxFen: 0, netFen: 5000, packageInfo: 'pkg' }], nextCursor: null }),
      'GET /api/v1/me/commissions': (req) => ({ items: req.query.status === 'SETTLED' ? [{ id: '1', amountFen: 800 }, { id: '2', amountFen: 300 }] : [], nextCursor: null }),
    }));
    const page = render('pages/wallet/wallet');
    await page.instance.onShow();
    await flush();
    expect(text(page, '#available')).toBe('¥1000.00');
    expect(text(page, '#pending')).toBe('¥123.45');
    expect(text(page, '#settled')).toBe('¥11.00');
    expect(text(page, '#frozen')).toBe('¥50.00');
    expect(text(page, '#withdrawn')).toBe('¥3000.01');
    expect(text(page, '#debt')).toBe('¥2.50');
    expect(text(page, '#identity-masked')).toBe('*三 1101**********1234');
    expect(page.dom.textContent).toContain('有一笔提现 ¥50.00 待你确认收款');
    expect(page.dom.textContent).toContain('本平台仅支持两级分佣,收益来自真实消费');
    expect(gw.calls.requests.every((r) => r.header.Authorization === 'Bearer t-1')).toBe(true);
  });

  test('an expired token is renewed by a silent re-login and the call repeated', async () => {
    let logins = 0;
    const gw = loggedIn(installWx({
      'POST /api/v1/auth/login': (req) => { logins += 1; expect(req.data.agreementVersion).toBe('2026-11'); return { token: 't-new', expiresIn: 7200, userId: '42', newUser: false, binding: { bound: false } }; },
      'GET /api/v1/me/wallet': (req) => (req.header.Authorization === 'Bearer t-new'
        ? { pendingFen: 0, availableFen: 500, frozenFen: 0, withdrawnFen: 0, debtFen: 0 }
        : problemAnswer(401, 'UNAUTHORIZED', '登录已过期')),
      'GET /api/v1/me/identity': () => ({ verified: false }),
      'GET /api/v1/me/withdrawals': () => ({ items: [], nextCursor: null }),
      'GET /api/v1/me/commissions': () => ({ items: [], nextCursor: null }),
    }));
    const page = render('pages/wallet/wallet');
    await page.instance.onShow();
    await flush();
    expect(logins).toBe(1);
    expect(gw.storage.get('fx.token')).toBe('t-new');
    expect(text(page, '#available')).toBe('¥5.00');
    expect(page.dom.textContent).toContain('未认证');
  });

  test('a problem is shown as its Chinese detail with a retry', async () => {
    loggedIn(installWx({
      'GET /api/v1/me/wallet': () => problemAnswer(503, 'SERVICE_UNAVAILABLE', '钱包服务暂时不可用,请稍后重试'),
      'GET /api/v1/me/identity': () => ({ verified: false }),
      'GET /api/v1/me/withdrawals': () => ({ items: [] }),
      'GET /api/v1/me/commissions': () => ({ items: [] }),
    }));
    const page = render('pages/wallet/wallet');
    await page.instance.onShow();
    await flush();
    expect(page.dom.textContent).toContain('钱包服务暂时不可用,请稍后重试');
    expect(page.querySelector('#wallet')).toBeFalsy();
  });
});
