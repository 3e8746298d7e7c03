const { installWx, problemAnswer, flush } = require('./helpers/wx');
const { render, text } = require('./helpers/load');

function loggedIn(gw) {
  gw.storage.set('fx.token', 't-1');
  gw.storage.set('fx.agreementVersion', '2026-11');
  return gw;
}

const WALLET = { pendingFen: 0, availableFen: 200000, frozenFen: 0, withdrawnFen: 0, debtFen: 0 };

function withdrawalGateway(over = {}) {
  const state = { withdrawal: null, reports: [] };
  const gw = loggedIn(installWx(Object.assign({
    'GET /api/v1/me/wallet': () => WALLET,
    'GET /api/v1/me/identity': () => ({ verified: true, maskedName: '*三', maskedIdNumber: '1101**********1234' }),
    'POST /api/v1/me/withdrawals/quote': (req) => ({ amountFen: req.data.amountFen, feeFen: 100, taxFen: 440, netFen: req.data.amountFen - 540, channel: req.data.channel, expectedArrival: '2026-12-05T10:00:00Z' }),
    'POST /api/v1/me/withdrawals': (req) => {
      state.key = req.header['Idempotency-Key'];
      state.withdrawal = { id: '9001', status: 'PAYING', channel: req.data.channel, amountFen: req.data.amountFen, feeFen: 100, taxFen: 440, netFen: req.data.amountFen - 540, packageInfo: 'affffddafdfafddffda==', createdAt: '2026-12-04T10:00:00Z' };
      return { statusCode: 201, data: state.withdrawal };
    },
    'GET /api/v1/me/withdrawals': () => ({ items: state.withdrawal ? [state.withdrawal] : [], nextCursor: null }),
    'GET /api/v1/me/withdrawals/{id}/confirmation': () => ({ withdrawalId: '9001', mchId: '1900000109', appId: 'wx0000000000000001', package: 'affffddafdfafddffda==', expiresAt: '2026-12-05T10:00:00Z' }),
    'POST /api/v1/me/withdrawals/{id}/confirmation': (req) => {
      state.reports.push({ path: req.path, body: req.data });
      if (req.data.result === 'CONFIRMED') state.withdrawal = Object.assign({}, state.withdrawal, { packageInfo: null });
      return { statusCode: 204, data: '' };
    },
  }, over)));
  return { gw, state };
}

describe('withdrawal', () => {
  test('quotes fee and tax before confirming, then requests with an idempotency key', async () => {
    const { gw, state } = withdrawalGateway();
    const page = render('pages/withdraw/withdraw');
    await page.instance.onLoad();
    await flush();
    expect(text(page, '#withdraw-available')).toBe('¥2000.00');

    page.instance.onAmount({ detail: { value: '0.5' } });
    await page.instance.getQuote();
    expect(text(page, '#withdraw-error')).toBe('单笔提现最低 ¥1.00');
    page.instance.onAmount({ detail: { value: '3000' } });
    await page.instance.getQuote();
    expect(text(page, '#withdraw-error')).toBe('超过可提现金额 ¥2000.00');
    expect(page.querySelector('#confirm')).toBeFalsy();

    page.instance.onAmount({ detail: { value: '30.00' } });
    await page.instance.getQuote();
    await flush();
    expect(text(page, '#q-amount')).toBe('¥30.00');
    expect(text(page, '#q-fee')).toBe('¥1.00');
    expect(text(page, '#q-tax')).toBe('¥4.40');
    expect(text(page, '#q-net')).toBe('¥24.60');
    expect(text(page, '#q-arrival')).toBe('2026-12-05 18:00');

    await page.instance.confirm();
    const post = gw.calls.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/me/withdrawals');
    expect(post.data).toEqual({ amountFen: 3000, channel: 'WECHAT' });
    expect(state.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(gw.calls.navigations).toContainEqual(['redirectTo', '/pages/withdrawal/withdrawal?id=9001']);
  });

  test('a limit problem from the server is shown as its Chinese detail', async () => {
    withdrawalGateway({
      'POST /api/v1/me/withdrawals/quote': () => problemAnswer(422, 'WITHDRAWAL_LIMIT_EXCEEDED', '今日提现次数已达上限(3次)'),
    });
    const page = render('pages/withdraw/withdraw');
    await page.instance.onLoad();
    page.instance.onAmount({ detail: { value: '10' } });
    await page.instance.getQuote();
    expect(text(page, '#withdraw-error')).toBe('今日提现次数已达上限(3次)');
    expect(page.querySelector('#quote-result')).toBeFalsy();
  });

  test('a bill waiting for me is confirmed with wx.requestMerchantTransfer, reported, and followed until paid', async () => {
    const { gw, state } = withdrawalGateway();
    state.withdrawal = { id: '9001', status: 'PAYING', channel: 'WECHAT', amountFen: 3000, feeFen: 100, taxFen: 440, netFen: 2460, packageInfo: 'affffddafdfafddffda==' };
    const page = render('pages/withdrawal/withdrawal');
    page.instance.pollMs = 5;
    await page.instance.onLoad({ id: '9001' });
    await flush();
    expect(text(page, '#withdrawal-status')).toBe('待确认收款');
    expect(page.querySelector('#confirm-receipt')).toBeTruthy();

    await page.instance.confirmReceipt();
    expect(gw.calls.transfers).toHaveLength(1);
    expect(gw.calls.transfers[0]).toEqual(expect.objectContaining({ mchId: '1900000109', appId: 'wx0000000000000001', package: 'affffddafdfafddffda==' }));
    expect(state.reports).toEqual([{ path: '/api/v1/me/withdrawals/9001/confirmation', body: { result: 'CONFIRMED', errMsg: 'requestMerchantTransfer:ok' } }]);
    expect(text(page, '#confirm-message')).toBe('已确认收款,等待到账');
    expect(text(page, '#withdrawal-status')).toBe('打款中');

    state.withdrawal = Object.assign({}, state.withdrawal, { status: 'PAID', paidAt: '2026-12-04T10:05:00Z' });
    await new Promise((r) => setTimeout(r, 40));
    await flush();
    expect(text(page, '#withdrawal-status')).toBe('已到账');
    expect(gw.calls.toasts).toContain('提现已到账');
    const polls = gw.calls.requests.filter((r) => r.path === '/api/v1/me/withdrawals').length;
    await new Promise((r) => setTimeout(r, 30));
    expect(gw.calls.requests.filter((r) => r.path === '/api/v1/me/withdrawals').length).toBe(polls); // stopped when final
    page.instance.onUnload();
  });

  test('a cancelled confirmation is reported as CANCELLED and the bill can be confirmed again', async () => {
    const { gw, state } = withdrawalGateway();
    gw.state.transfer = (o) => o.fail({ errMsg: 'requestMerchantTransfer:fail cancel' });
    state.withdrawal = { id: '9001', status: 'PAYING', channel: 'WECHAT', amountFen: 3000, feeFen: 100, taxFen: 440, netFen: 2460, packageInfo: 'affffddafdfafddffda==' };
    const page = render('pages/withdrawal/withdrawal');
    page.instance.pollMs = 60000;
    await page.instance.onLoad({ id: '9001' });
    await page.instance.confirmReceipt();
    expect(state.reports).toEqual([{ path: '/api/v1/me/withdrawals/9001/confirmation', body: { result: 'CANCELLED', errMsg: 'requestMerchantTransfer:fail cancel' } }]);
    expect(text(page, '#confirm-message')).toContain('你已取消确认收款');
    expect(page.querySelector('#confirm-receipt')).toBeTruthy();
    page.instance.onUnload();
  });

  test('a failed confirmation is reported as FAILED; a failed payout shows its reason', async () => {
    const { gw, state } = withdrawalGateway();
    gw.state.transfer = (o) => o.fail({ errMsg: 'requestMerchantTransfer:fail system error' });
    state.withdrawal = { id: '9001', status: 'PAYING', channel: 'WECHAT', amountFen: 3000, feeFen: 0, taxFen: 0, netFen: 3000, packageInfo: 'p' };
    const page = render('pages/withdrawal/withdrawal');
    page.instance.pollMs = 60000;
    await page.instance.onLoad({ id: '9001' });
    await page.instance.confirmReceipt();
    expect(state.reports[0].body).toEqual({ result: 'FAILED', errMsg: 'requestMerchantTransfer:fail system error' });
    state.withdrawal = Object.assign({}, state.withdrawal, { status: 'FAILED', packageInfo: null, reason: '转账失败,款项已退回钱包' });
    await page.instance.refresh();
    expect(text(page, '#withdrawal-status')).toBe('打款失败');
    expect(text(page, '#withdrawal-reason')).toBe('转账失败,款项已退回钱包');
    expect(page.querySelector('#confirm-receipt')).toBeFalsy();
    page.instance.onUnload();
  });
});

describe('real-name verification', () => {
  test('checks the ID number locally, submits, and afterwards shows only the masked form', async () => {
    const gw = loggedIn(installWx({
      'GET /api/v1/me/identity': () => ({ verified: false }),
      'PUT /api/v1/me/identity': () => ({ verified: true, maskedName: '*三', maskedIdNumber: '1101**********0016' }),
    }));
    const page = render('pages/identity/identity');
    await page.instance.onLoad();
    page.instance.onName({ detail: { value: '张三' } });
    page.instance.onIdNumber({ detail: { value: '110101199001011230' } });
    await page.instance.submit();
    expect(text(page, '#identity-error')).toBe('身份证号校验位不正确');
    page.instance.onIdNumber({ detail: { value: '11010519491231002X' } });
    await page.instance.submit();
    const put = gw.calls.requests.find((r) => r.method === 'PUT');
    expect(put.data).toEqual({ realName: '张三', idNumber: '11010519491231002X' });
    expect(text(page, '#masked-name')).toBe('*三');
    expect(text(page, '#masked-id')).toBe('1101**********0016');
    expect(page.dom.textContent).not.toContain('11010519491231002X');
    expect(page.instance.data.idNumber).toBe('');
  });
});
