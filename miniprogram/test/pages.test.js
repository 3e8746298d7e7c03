const { installWx, flush } = require('./helpers/wx');
const { render, text } = require('./helpers/load');

function loggedIn(gw) {
  gw.storage.set('fx.token', 't-1');
  gw.storage.set('fx.agreementVersion', '2026-11');
  return gw;
}

function commission(id, over = {}) {
  return Object.assign({ id: String(id), orderNo: 'SO' + id, buyerNickname: '李*', level: 1, amountFen: 1592, status: 'PENDING', held: false, createdAt: '2026-12-01T02:00:00Z', expectedReleaseAt: '2026-12-10T16:00:00Z' }, over);
}

describe('commissions', () => {
  test('pages with the cursor, filters by state, refreshes on pull-down and opens a detail', async () => {
    const gw = loggedIn(installWx({
      'GET /api/v1/me/commissions': (req) => {
        if (req.query.status === 'CANCELLED') return { items: [commission(9, { status: 'CANCELLED', expectedReleaseAt: null })], nextCursor: null };
        return req.query.cursor === 'c2'
          ? { items: [commission(1, { level: 2, status: 'AVAILABLE', held: true, holdNote: '该笔佣金触发风控审核,待人工审核后发放' })], nextCursor: null }
          : { items: [commission(3), commission(2)], nextCursor: 'c2', notice: '本平台仅支持两级分佣,收益来自真实消费' };
      },
    }));
    const page = render('pages/commissions/commissions');
    await page.instance.onLoad();
    await flush();
    expect(page.querySelectorAll('.commission')).toHaveLength(2);
    expect(page.dom.textContent).toContain('订单 SO3');
    expect(page.dom.textContent).toContain('¥15.92');
    expect(page.dom.textContent).toContain('预计结算 2026-12-11');
    expect(page.dom.textContent).toContain('本平台仅支持两级分佣,收益来自真实消费');

    await page.instance.onReachBottom();
    await flush();
    expect(page.querySelectorAll('.commission')).toHaveLength(3);
    expect(gw.calls.requests.map((r) => r.query.cursor).filter(Boolean)).toEqual(['c2']);
    expect(page.dom.textContent).toContain('没有更多了');
    await page.instance.onReachBottom(); // nothing more to fetch
    expect(gw.calls.requests).toHaveLength(2);

    await page.instance.onPullDownRefresh();
    expect(gw.calls.navigations).toContainEqual(['stopPullDownRefresh']);
    expect(page.querySelectorAll('.commission')).toHaveLength(2);

    await page.instance.filter({ currentTarget: { dataset: { status: 'CANCELLED' } } });
    expect(gw.calls.requests[gw.calls.requests.length - 1].query).toEqual({ status: 'CANCELLED', size: '20' });
    expect(page.querySelectorAll('.commission')).toHaveLength(1);

    page.instance.open({ currentTarget: { dataset: { id: '9' } } });
    expect(gw.calls.navigations).toContainEqual(['navigateTo', '/pages/commission/commission?id=9']);
  });

  test('the detail shows the masked buyer, level, state, release date, hold note and items when sent', async () => {
    loggedIn(installWx({
      'GET /api/v1/me/commissions': () => ({ items: [commission(5, { held: true, holdNote: '该笔佣金触发风控审核,待人工审核后发放', rateBp: 800, breakdown: [{ itemId: '1', productId: 'P1', quantity: 2, paidFen: 19900, rateBp: 800, amountFen: 1592 }] })], nextCursor: null }),
    }));
    const page = render('pages/commission/commission');
    await page.instance.onLoad({ id: '5' });
    await flush();
    expect(text(page, '#detail-amount')).toBe('¥15.92');
    expect(text(page, '#detail-buyer')).toBe('李*');
    expect(text(page, '#detail-status')).toBe('待结算');
    expect(text(page, '#detail-release')).toBe('2026-12-11');
    expect(text(page, '#detail-rate')).toBe('8.00%');
    expect(text(page, '#detail-hold')).toBe('该笔佣金触发风控审核,待人工审核后发放');
    expect(text(page, '#detail-items')).toMatch(/P1\s*× 2/);
    expect(page.dom.textContent).toContain('一级好友订单');
  });
});

describe('team', () => {
  test('lists level 1 or level 2 and nothing else', async () => {
    const gw = loggedIn(installWx({
      'GET /api/v1/me/team': (req) => ({ items: [{ userId: '8', nickname: req.query.level === '2' ? '王*' : '赵*', joinedAt: '2026-11-20T02:00:00Z' }], nextCursor: null }),
    }));
    const page = render('pages/team/team');
    await page.instance.onLoad({ level: '2' });
    await flush();
    expect(page.dom.textContent).toContain('王*');
    await page.instance.switchLevel({ currentTarget: { dataset: { level: '1' } } });
    expect(page.dom.textContent).toContain('赵*');
    expect(gw.calls.requests.map((r) => r.query.level)).toEqual(['2', '1']);
    const page3 = render('pages/team/team');
    await page3.instance.onLoad({ level: '3' });
    expect(gw.calls.requests[gw.calls.requests.length - 1].query.level).toBe('1');
  });
});

describe('poster album permission', () => {
  const poster = () => require('../src/utils/poster');

  test('asks once when never asked, then saves', async () => {
    const gw = installWx({});
    await poster().saveToAlbum('http://tmp/poster.png');
    expect(gw.calls.saved).toEqual(['http://tmp/poster.png']);
    expect(gw.calls.modals).toHaveLength(0);
  });

  test('after a refusal, offers the settings page; granting there saves', async () => {
    const gw = installWx({});
    gw.state.authSetting['scope.writePhotosAlbum'] = false;
    await poster().saveToAlbum('http://tmp/poster.png');
    expect(gw.calls.modals[0].title).toBe('需要相册权限');
    expect(gw.calls.saved).toEqual(['http://tmp/poster.png']);
  });

  test('declining in the modal saves nothing and says so', async () => {
    const gw = installWx({});
    gw.state.authSetting['scope.writePhotosAlbum'] = false;
    gw.state.modalConfirm = false;
    await expect(poster().saveToAlbum('http://tmp/poster.png')).rejects.toMatchObject({ detail: '未获得相册权限,海报未保存' });
    expect(gw.calls.saved).toEqual([]);
  });
});
