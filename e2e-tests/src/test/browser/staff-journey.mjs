// Staff journey in the console (maker-checker, SPEC §8): one staff member requests an admin unbind of a
// member, a second one approves it (the first cannot approve their own request), and the audit log page
// shows both steps. Each staff member has a browser context of their own.
import {
  BASE, RUN, api, check, desktop, eventually, log, memberLogin, mintStaffToken, run, shot, step, watch,
} from './lib.mjs';

const ADMIN = { username: process.env.E2E_ADMIN_USERNAME || 'e2e-admin', password: process.env.E2E_ADMIN_PASSWORD || '' };

/** What is not there yet is reported on a line of its own, never passed over in silence. */
const pending = [];
function notePending(line) {
  pending.push(line);
  log('PENDING: ' + line);
}

/**
 * Three staff accounts: two OPS (maker, checker) and an AUDITOR. Normally created by the bootstrap
 * ADMIN through the staff API and logged in through the console's form. While staff login is not
 * deployed (the endpoint answers 404), tokens signed with the platform's own key are put into the
 * console's storage instead: TEMPORARY, reported as pending.
 */
async function staffAccounts() {
  const login = await api('POST', '/admin/v1/auth/login', { body: ADMIN, raw: true });
  if (login.status === 200 && login.body?.token) {
    const password = `E2e-${RUN}-Passw0rd`;
    const make = async (name, roles) => {
      const username = `e2e-${name}-${RUN}`;
      const created = await api('POST', '/admin/v1/staff', { token: login.body.token, body: { username, password, roles }, raw: true });
      if (created.status === 404) return null;
      if (created.status !== 201 && created.status !== 200) {
        throw new Error(`POST /admin/v1/staff answered ${created.status}: ${JSON.stringify(created.body)}`);
      }
      return { username, password, staffId: String(created.body.staffId ?? created.body.id), roles };
    };
    const maker = await make('ops-a', ['OPS']);
    if (maker) {
      return { maker, checker: await make('ops-b', ['OPS']), auditor: await make('auditor', ['AUDITOR']) };
    }
    notePending('the bootstrap ADMIN logs in, but POST /admin/v1/staff answered 404 (not routed by the gateway yet):'
      + ' the console gets staff tokens minted with the platform signing key instead of logging in through its form');
  } else if (login.status === 404) {
    notePending('staff login (POST /admin/v1/auth/login) answered 404: the console gets staff tokens minted with the'
      + ' platform signing key in its session storage instead of logging in through its form');
  } else {
    throw new Error(`bootstrap ADMIN login answered ${login.status}: ${JSON.stringify(login.body)}`);
  }
  const base = 900000 + Math.floor(Math.random() * 90000);
  const minted = (id, roles) => ({ staffId: String(id), roles, token: mintStaffToken(id, roles) });
  return { maker: minted(base + 1, ['OPS']), checker: minted(base + 2, ['OPS']), auditor: minted(base + 3, ['AUDITOR']) };
}

async function consoleLogin(page, account, screenshotName) {
  await page.goto(`${BASE}/console/`);
  await page.locator('#login-form').waitFor();
  if (account.token) {
    // TEMPORARY (see staffAccounts): what a successful login stores
    await page.evaluate((t) => sessionStorage.setItem('fx.console.token', t), account.token);
    await page.reload();
  } else {
    await page.fill('#username', account.username);
    await page.fill('#password', account.password);
    if (screenshotName) await shot(page, screenshotName);
    await page.click('#login');
  }
  await page.locator('#nav:not([hidden])').waitFor();
  check((await page.locator('#who').innerText()).includes(account.staffId), 'the console shows who is logged in');
}

run('staff', async (browser) => {
  const makerContext = await desktop(browser);
  const checkerContext = await desktop(browser);
  const auditorContext = await desktop(browser);
  const maker = await makerContext.newPage();
  const checker = await checkerContext.newPage();
  const auditor = await auditorContext.newPage();
  const errors = [...[maker, checker, auditor].map((p, i) => watch(p, ['maker', 'checker', 'auditor'][i]))];
  const pages = [maker, checker, auditor];

  const { member, inviter } = await step('a member bound to an inviter (through the member API)', pages, async () => {
    const up = await memberLogin(`e2e-staff-inviter-${RUN}`, undefined, '上级甲');
    const upProfile = await api('GET', '/api/v1/me/promoter', { token: up.token });
    const down = await memberLogin(`e2e-staff-member-${RUN}`, upProfile.inviteCode, '会员乙');
    check(down.binding?.bound === true, 'the member is bound: ' + JSON.stringify(down.binding));
    return { member: down.userId, inviter: up.userId };
  });

  const staff = await step('staff accounts: two OPS and an AUDITOR', pages, staffAccounts);

  await step('maker logs in and looks the member up with their relations', pages, async () => {
    await consoleLogin(maker, staff.maker, 'console-login');
    await maker.goto(`${BASE}/console/#/members?q=${member}`);
    await maker.locator('main[data-view="members"] #member-detail').waitFor();
    check((await maker.locator('#member-inviter').innerText()).length > 1, 'the inviter is shown');
    check((await maker.locator('#member-inviter a').getAttribute('href')).includes(inviter), 'the inviter links to its member');
    await shot(maker, 'console-member-with-inviter');
  });

  await step('maker requests the unbind (needs another staff member to approve)', pages, async () => {
    await maker.click('#request-unbind');
    await maker.locator('#dialog').waitFor();
    await maker.fill('#dialog-input', '会员申诉:误扫他人二维码绑定');
    await shot(maker, 'console-unbind-request-reason');
    await maker.click('#dialog-ok');
    await maker.locator('#toast:not([hidden])').waitFor();
    await maker.goto(`${BASE}/console/#/approvals?kind=unbind&status=PENDING`);
    const row = maker.locator('main[data-view="approvals"] tbody tr', { hasText: member });
    await row.waitFor();
    check((await row.innerText()).includes('本人发起,需他人审批'), 'the maker cannot approve their own request');
    check(await row.locator('button').count() === 0, 'no approve button for the maker');
    await shot(maker, 'console-approvals-own-request');
  });

  await step('checker logs in and approves it from the approvals inbox', pages, async () => {
    await consoleLogin(checker, staff.checker);
    await checker.goto(`${BASE}/console/#/approvals?kind=unbind&status=PENDING`);
    const row = checker.locator('main[data-view="approvals"] tbody tr', { hasText: member });
    await row.waitFor();
    await shot(checker, 'console-approvals-inbox-checker');
    await row.locator('button', { hasText: '通过' }).click();
    await checker.locator('#dialog').waitFor();
    await checker.fill('#dialog-input', '已核实申诉材料');
    await checker.click('#dialog-ok');
    await eventually('the request leaves the pending list', async () =>
      (await checker.locator('tbody tr', { hasText: member }).count()) === 0, 15000, 500);
    await checker.goto(`${BASE}/console/#/approvals?kind=unbind&status=APPROVED`);
    const done = checker.locator('tbody tr', { hasText: member });
    await done.waitFor();
    const text = await done.innerText();
    check(text.includes(staff.maker.staffId) && text.includes(staff.checker.staffId), 'requester and approver on the approved request: ' + text);
    await shot(checker, 'console-approvals-approved');
    await checker.goto(`${BASE}/console/#/members?q=${member}`);
    await checker.locator('main[data-view="members"] #member-detail').waitFor();
    check((await checker.locator('#member-inviter').innerText()).trim() === '—', 'the member has no inviter any more');
    await shot(checker, 'console-member-unbound-with-history');
  });

  await step('the audit log page shows the request and the approval', pages, async () => {
    await consoleLogin(auditor, staff.auditor);
    await auditor.goto(`${BASE}/console/#/audit?service=relation`);
    await auditor.locator('main[data-view="audit"] #audit-search').waitFor();
    const failure = auditor.locator('main .panel .error');
    if (await failure.count()) {
      const message = await failure.first().innerText();
      notePending(`the relation audit log is not reachable from the console (${message}); checked the member's own`
        + ' audit entries and the approval record instead');
      await shot(auditor, 'console-audit-log-unavailable');
      await auditor.goto(`${BASE}/console/#/members?q=${member}`);
      await auditor.locator('main[data-view="members"] #member-detail').waitFor();
      const text = await auditor.locator('main').innerText();
      check(text.includes('UNBIND_APPROVED') || text.includes('ADMIN_UNBIND') || text.includes('UNBIND'), 'the member audit shows the unbind');
      await shot(auditor, 'console-member-audit-entries');
      return;
    }
    const requested = auditor.locator('tbody tr', { hasText: 'UNBIND_REQUESTED' });
    const approved = auditor.locator('tbody tr', { hasText: 'UNBIND_APPROVED' });
    await requested.first().waitFor();
    await approved.first().waitFor();
    check((await requested.first().innerText()).includes(staff.maker.staffId), 'the request names the maker');
    check((await approved.first().innerText()).includes(staff.checker.staffId), 'the approval names the checker');
    await shot(auditor, 'console-audit-log-request-and-approval');
    await auditor.click('#audit-verify');
    await auditor.locator('#audit-verification').waitFor();
    check((await auditor.locator('#audit-verification').innerText()).includes('哈希链完整'), 'the chain verifies');
  });

  await step('the other console pages open (rules, risk, withdrawals, settlement, reconciliation, exports)', pages, async () => {
    for (const [route, marker] of [['rules', '#rule-level1'], ['risk', 'table'], ['withdrawals', 'table'], ['settlement', 'table'], ['reconciliation', '#margin-chart'], ['exports', '#export-commission-ledger']]) {
      await auditor.goto(`${BASE}/console/#/${route}`);
      await auditor.locator(`main[data-view="${route}"] ${marker}, main[data-view="${route}"] .error`).first().waitFor();
      const error = await auditor.locator('main > .error, main .panel > .error').count();
      check(error === 0, `the ${route} page opens without an error: ` + (error ? await auditor.locator('main .error').first().innerText() : ''));
      await shot(auditor, 'console-' + route);
    }
  });

  await step('an export downloads as a file (reconciliation, CSV)', pages, async () => {
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.click('#export-reconciliation')]);
    const name = download.suggestedFilename();
    check(/^reconciliation-.*\.csv$/.test(name), 'a CSV file: ' + name);
    const text = await new Promise((resolve, reject) => {
      download.createReadStream().then((stream) => {
        const parts = [];
        stream.on('data', (c) => parts.push(c));
        stream.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    check(text.includes('佣金'), 'the CSV has its Chinese headers: ' + text.slice(0, 80));
    log(`downloaded ${name}, ${text.length} characters`);
  });

  check(errors.flat().length === 0, 'no script errors in the console: ' + errors.flat().join('; '));
  for (const line of pending) log('PENDING: ' + line);
  await Promise.all([makerContext.close(), checkerContext.close(), auditorContext.close()]);
});
