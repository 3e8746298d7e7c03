// Invite link journey (issue 15, defect 6): the link a promoter shares is the one the platform gives
// them (GET /api/v1/me/promoter, shown on the H5 home page); a new member opens exactly that link in a
// browser of their own, registers, and is bound to the promoter who shared it.
import { BASE, RUN, api, check, eventually, log, memberLogin, phone, run, shot, step, watch } from './lib.mjs';

run('invite-link', async (browser) => {
  const sharerContext = await phone(browser);
  const sharerPage = await sharerContext.newPage();
  const sharerErrors = watch(sharerPage, 'h5-sharer');
  const pages = [sharerPage];

  const sharer = await step('a promoter registers and reads the invite link on the H5 home page', pages, async () => {
    const login = await memberLogin(`e2e-sharer-${RUN}`, undefined, '分享人阿强');
    const me = await api('GET', '/api/v1/me/promoter', { token: login.token });
    // the promoter's own H5 session: the token in this browser's storage, then the home page
    await sharerPage.goto(`${BASE}/h5/`);
    await sharerPage.evaluate((token) => localStorage.setItem('fx.h5.token', token), login.token);
    await sharerPage.goto(`${BASE}/h5/#/home`);
    await sharerPage.locator('#invite-link').waitFor();
    const link = (await sharerPage.locator('#invite-link').innerText()).trim();
    check(link === me.inviteLink, `the page shows the link the API gives: ${link} vs ${me.inviteLink}`);
    await shot(sharerPage, 'h5-sharer-invite-link');
    log(`promoter ${me.userId} shares ${link}`);
    return { token: login.token, link, ...me };
  });

  await step('the link points at this platform\'s H5 and carries the code in the parameter it reads', pages, async () => {
    const url = new URL(sharer.link);
    check(url.origin === new URL(BASE).origin, `the link opens this platform (${url.origin}), not ${BASE}`);
    check(url.pathname === '/h5/', 'the link opens the H5 promoter center: ' + url.pathname);
    check(url.searchParams.get('invite') === sharer.inviteCode, 'the code is in ?invite=: ' + url.search);
  });

  const friendContext = await phone(browser);
  const friendPage = await friendContext.newPage();
  const friendErrors = watch(friendPage, 'h5-friend');
  pages.push(friendPage);

  const friend = await step('a new member opens the shared link, accepts the agreement and registers', pages, async () => {
    await friendPage.goto(sharer.link);
    await friendPage.locator('#login-form').waitFor();
    check(await friendPage.locator('#invite-code').inputValue() === sharer.inviteCode, 'the invite code comes from the shared link');
    check(await friendPage.locator('#agreement').isVisible(), 'the agreement is shown to the new member');
    await friendPage.fill('#nickname', '新朋友小周');
    await friendPage.click('#login-form details summary');
    await friendPage.fill('#login-code', `e2e-friend-${RUN}`);
    await friendPage.check('#agree');
    await shot(friendPage, 'h5-friend-opens-shared-link');
    await friendPage.click('#login');
    await friendPage.locator('#my-invite-code').waitFor();
    const inviterCard = await friendPage.locator('#inviter').innerText();
    check(inviterCard.includes('我的邀请人') && inviterCard.includes('分**强'), 'the new member sees the sharer as inviter, masked: ' + inviterCard);
    await shot(friendPage, 'h5-friend-bound-to-sharer');
    const token = await friendPage.evaluate(() => localStorage.getItem('fx.h5.token'));
    return api('GET', '/api/v1/me/promoter', { token });
  });

  await step('the new member is bound to the sharer, and the sharer counts one level-1 friend', pages, async () => {
    check(friend.inviter?.userId === sharer.userId, `bound to ${friend.inviter?.userId}, expected ${sharer.userId}`);
    await eventually('the sharer sees one level-1 friend', async () => {
      const now = await api('GET', '/api/v1/me/promoter', { token: sharer.token });
      return now.level1Count === 1;
    }, 20000);
    await sharerPage.reload();
    await sharerPage.locator('#level1-count').waitFor();
    check((await sharerPage.locator('#level1-count').innerText()).trim() === '1', 'the sharer\'s page shows one level-1 friend');
    await shot(sharerPage, 'h5-sharer-one-friend');
  });

  check(sharerErrors.length === 0 && friendErrors.length === 0, 'no page errors: ' + [...sharerErrors, ...friendErrors].join('; '));
});
