// Member journey in the H5 promoter center, on a phone-sized screen:
// log in with an inviter's code (agreement at first login) -> invite code, link, QR and the notice ->
// a friend registers with my code and buys (order event through the signed HTTP intake) -> the
// commission shows, pending -> the order completes, settlement releases it after the short window ->
// the wallet shows it available -> real name -> withdrawal quote (fee, tax, net, arrival) -> confirm
// with an idempotency key -> history.
import {
  BASE, NOTICE, RUN, api, check, eventually, idNumber, log, memberLogin, mintStaffToken, nowIso, orderEvent, phone, run,
  shot, step, watch, yuanText,
} from './lib.mjs';

const PAID_FEN = 19900;
const LEVEL1_FEN = Math.floor((PAID_FEN * 800) / 10000); // default level-1 rate 800 bp: 1592 fen
const WITHDRAW_FEN = 1000;

run('member', async (browser) => {
  const context = await phone(browser);
  const page = await context.newPage();
  const errors = watch(page, 'h5');
  const pages = [page];

  const inviter = await step('an inviter registers through the API', pages, async () => {
    const login = await memberLogin(`e2e-inviter-${RUN}`, undefined, '邀请人老王');
    const me = await api('GET', '/api/v1/me/promoter', { token: login.token });
    log(`inviter ${me.userId} has code ${me.inviteCode}`);
    return { token: login.token, ...me };
  });

  await step('the member opens the invite link and sees the agreement at first login', pages, async () => {
    await page.goto(`${BASE}/h5/?invite=${inviter.inviteCode}`);
    await page.locator('#login-form').waitFor();
    check(await page.locator('#invite-code').inputValue() === inviter.inviteCode, 'the invite code comes from the link');
    check(await page.locator('#agreement').isVisible(), 'the agreement is shown before the first login');
    check((await page.locator('#agreement').innerText()).includes('两级分佣'), 'the agreement names the two levels');
    await page.fill('#nickname', '小明');
    await page.click('#login-form details summary');
    await page.fill('#login-code', `e2e-member-${RUN}`);
    await shot(page, 'h5-login-with-agreement');
    await page.click('#login');
    // without accepting, the login is refused on the page
    await page.locator('#login-form .error').waitFor();
    check((await page.locator('#login-form .error').innerText()).includes('同意'), 'login waits for the agreement');
    await page.check('#agree');
    await page.click('#login');
    await page.locator('#my-invite-code').waitFor();
  });

  const member = await step('home: my invite code, link, QR, inviter and the notice', pages, async () => {
    const code = (await page.locator('#my-invite-code').innerText()).trim();
    const userId = (await page.locator('#user-id').innerText()).trim();
    check(/^[A-Z0-9]{6,8}$/i.test(code), 'an invite code is shown: ' + code);
    check((await page.locator('#invite-link').innerText()).includes(code), 'the invite link carries the code');
    await page.locator('#qr[data-loaded="true"]').waitFor();
    const qrWidth = await page.locator('#qr').evaluate((img) => img.naturalWidth);
    check(qrWidth >= 100, 'the QR image is loaded, natural width ' + qrWidth);
    check((await page.locator('#notice').innerText()).trim() === NOTICE, 'the compliance notice is on the page');
    const inviterCard = await page.locator('#inviter').innerText();
    check(inviterCard.includes('我的邀请人') && inviterCard.includes('邀**王'), 'the inviter is shown, masked: ' + inviterCard);
    await shot(page, 'h5-home-invite-code-qr-notice');
    log(`member ${userId} has code ${code}`);
    return { code, userId };
  });

  const buyer = await step('a friend registers with my code (level 1 of mine, level 2 of my inviter)', pages, async () => {
    const login = await memberLogin(`e2e-buyer-${RUN}`, member.code, '买家小李');
    check(login.binding?.bound === true, 'the buyer is bound: ' + JSON.stringify(login.binding));
    const inviterNow = await api('GET', '/api/v1/me/promoter', { token: inviter.token });
    check(inviterNow.level2Count === 1, 'my inviter sees one level-2 invitee');
    return login;
  });

  await step('team: one level-1 friend, listed masked', pages, async () => {
    await page.goto(`${BASE}/h5/#/home`);
    await eventually('level-1 count 1', async () => {
      await page.reload();
      await page.locator('#level1-count').waitFor();
      return (await page.locator('#level1-count').innerText()).trim() === '1';
    }, 20000);
    await page.click('a[href="#/team?level=1"]');
    await page.locator('#team-list li').first().waitFor();
    const item = await page.locator('#team-list li').first().innerText();
    check(!item.includes('买家小李'), 'the friend is masked in the list: ' + item);
    check((await page.locator('#notice').innerText()).trim() === NOTICE, 'notice on the team page');
    await shot(page, 'h5-team-level-1');
  });

  const orderId = `E2E${RUN}`.toUpperCase();
  await step('the friend pays an order (signed order event)', pages, async () => {
    // the buyer's chain reaches the commission engine through RELATION_EVENTS (outbox relay, then the
    // engine's consumer); an order system sends a payment minutes after a sign-up, here a few seconds
    await new Promise((r) => setTimeout(r, 5000));
    const queued = await orderEvent({
      eventId: `paid-${orderId}`, type: 'PAID', orderId, orderNo: `SO-${orderId}`, buyerId: buyer.userId,
      occurredAt: nowIso(),
      items: [{ itemId: '1', productId: 'E2E-P1', quantity: 1, paidFen: PAID_FEN, costFen: 12000 }],
    });
    log('order event queued: ' + JSON.stringify(queued));
  });

  await step('commissions: the new commission, pending, with its source', pages, async () => {
    await page.goto(`${BASE}/h5/#/commissions`);
    let item;
    try {
      item = await eventually('the commission on the page', async () => {
        await page.reload();
        await page.locator('#commission-list').waitFor();
        const li = page.locator('#commission-list li.commission', { hasText: `SO-${orderId}` });
        return (await li.count()) === 1 ? li : null;
      }, 60000, 1500);
    } catch (e) {
      // what the engine made of the order (chain used, level decisions), for whoever reads the failure
      const order = await api('GET', `/admin/v1/commissions/orders/${orderId}`, { token: mintStaffToken(1, ['AUDITOR']), raw: true });
      throw new Error(`${e.message}; the engine's view of the order: ${order.status} ${JSON.stringify(order.body)}`);
    }
    const text = await item.innerText();
    check(text.includes(yuanText(LEVEL1_FEN)), `amount ${yuanText(LEVEL1_FEN)} in: ${text}`);
    check(text.includes('一级'), 'level 1 in: ' + text);
    check(text.includes('待结算'), 'pending in: ' + text);
    check(/用户\*\*\*\d{4}|\*/.test(text), 'the buyer is masked in: ' + text);
    check((await page.locator('#notice').innerText()).trim() === NOTICE, 'notice on the commission page');
    await shot(page, 'h5-commission-pending');
  });

  await step('the order completes; after the window the commission is released to the wallet', pages, async () => {
    await orderEvent({ eventId: `completed-${orderId}`, type: 'COMPLETED', orderId, occurredAt: nowIso() });
    await page.goto(`${BASE}/h5/#/wallet`);
    await eventually('the released commission available in the wallet', async () => {
      await page.reload();
      await page.locator('#available').waitFor();
      return (await page.locator('#available').innerText()).trim() === yuanText(LEVEL1_FEN);
    }, 90000, 2000);
    check((await page.locator('#notice').innerText()).trim() === NOTICE, 'notice on the wallet page');
    await shot(page, 'h5-wallet-available');
    await page.goto(`${BASE}/h5/#/commissions`);
    await page.locator('#commission-list li.commission').first().waitFor();
    const text = await page.locator('#commission-list li.commission', { hasText: `SO-${orderId}` }).innerText();
    check(text.includes('可提现') || text.includes('已结算'), 'the commission is settled: ' + text);
    await shot(page, 'h5-commission-available');
  });

  await step('real name before the first withdrawal', pages, async () => {
    await page.goto(`${BASE}/h5/#/wallet`);
    await page.click('#to-withdraw');
    await page.locator('#identity-form').waitFor();
    await page.fill('#real-name', '张小明');
    await page.fill('#id-number', '110105199001011234'); // wrong check character: refused on the page
    await page.click('#verify');
    await page.locator('#identity-form .error').waitFor();
    await page.fill('#id-number', idNumber());
    await shot(page, 'h5-real-name-form');
    await page.click('#verify');
    await page.locator('#withdraw-form').waitFor();
  });

  await step('withdrawal: quote with fee, tax, net and arrival, then confirm', pages, async () => {
    check((await page.locator('#withdraw-available').innerText()).trim() === yuanText(LEVEL1_FEN), 'available on the form');
    await page.fill('#amount', (WITHDRAW_FEN / 100).toFixed(2));
    await page.selectOption('#channel', 'WECHAT');
    await page.click('#quote');
    await page.locator('#q-net').waitFor();
    check((await page.locator('#q-amount').innerText()).trim() === yuanText(WITHDRAW_FEN), 'quoted amount');
    const fee = (await page.locator('#q-fee').innerText()).trim();
    const tax = (await page.locator('#q-tax').innerText()).trim();
    const net = (await page.locator('#q-net').innerText()).trim();
    log(`quote: fee ${fee}, tax ${tax}, net ${net}, arrival ${await page.locator('#q-arrival').innerText()}`);
    check(tax === '¥0.00', 'no tax on 10 yuan in a month (labour remuneration under 800): ' + tax);
    check(/^¥\d+\.\d{2}$/.test(net), 'net in yuan with two decimals: ' + net);
    check(!(await page.locator('#q-arrival').innerText()).includes('—'), 'an expected arrival is shown');
    check((await page.locator('#notice').innerText()).trim() === NOTICE, 'notice on the withdrawal page');
    await shot(page, 'h5-withdrawal-quote');
    await page.click('#confirm');
    await page.locator('#withdrawal-list li.withdrawal').first().waitFor();
  });

  await step('withdrawal history and the wallet after it', pages, async () => {
    const items = page.locator('#withdrawal-list li.withdrawal');
    check(await items.count() === 1, 'exactly one withdrawal');
    const text = await items.first().innerText();
    check(text.includes(yuanText(WITHDRAW_FEN)), 'amount in history: ' + text);
    check(text.includes('微信零钱'), 'channel in history: ' + text);
    await shot(page, 'h5-withdrawal-history');
    const wallet = await api('GET', '/api/v1/me/wallet', { token: await page.evaluate(() => localStorage.getItem('fx.h5.token')) });
    check(wallet.availableFen === LEVEL1_FEN - WITHDRAW_FEN, 'available after the withdrawal: ' + JSON.stringify(wallet));
    check(wallet.frozenFen + wallet.withdrawnFen === WITHDRAW_FEN, 'the withdrawn amount is frozen or paid: ' + JSON.stringify(wallet));
    await page.goto(`${BASE}/h5/#/wallet`);
    await page.locator('#available').waitFor();
    check((await page.locator('#available').innerText()).trim() === yuanText(LEVEL1_FEN - WITHDRAW_FEN), 'wallet page after the withdrawal');
    await shot(page, 'h5-wallet-after-withdrawal');
  });

  check(errors.length === 0, 'no script errors on the H5: ' + errors.join('; '));
  await context.close();
});
