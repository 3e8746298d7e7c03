// Shared by the browser journeys: the platform's address, Chromium, screenshots, signed order events,
// polling, and small API calls made "as the order system" or "as another member" would make them.
import { createHmac, createPrivateKey, randomUUID, sign } from 'node:crypto';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = (process.env.E2E_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const SHOTS = process.env.E2E_SCREENSHOTS || 'screenshots';
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const ORDER_CLIENT = process.env.E2E_ORDER_CLIENT || 'local-order-system';
const ORDER_SECRET = process.env.E2E_ORDER_SECRET || 'local-order-system-dev-secret';
/** A per-run suffix so journeys against a kept data folder never collide with earlier runs. */
export const RUN = process.env.E2E_RUN || Date.now().toString(36);

export const NOTICE = '本平台仅支持两级分佣,收益来自真实消费';

mkdirSync(SHOTS, { recursive: true });

const started = Date.now();
export function log(line) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

export function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
}

/** Debian's Chromium, headless, with the flags this offline machine needs (no background networking). */
export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium); .ci/run does`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--mute-audio',
    ],
  });
}

/** A phone-sized context, as the mini-program web-view or a phone browser shows the H5. */
export async function phone(browser) {
  return browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 miniProgram',
  });
}

export async function desktop(browser) {
  return browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Fails the journey on any uncaught page error or failed console assertion, and logs the page's console. */
export function watch(page, name) {
  const errors = [];
  page.on('pageerror', (e) => { errors.push(e.message); log(`[${name}] page error: ${e.message}`); });
  page.on('console', (m) => { if (m.type() === 'error') log(`[${name}] console: ${m.text()}`); });
  return errors;
}

let shotNo = 0;
export async function shot(page, name) {
  const file = join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
  return file;
}

/** Runs one step; on failure keeps a screenshot of every open page before the error travels on. */
export async function step(name, pages, fn) {
  log('STEP ' + name);
  try {
    return await fn();
  } catch (e) {
    for (const [i, p] of pages.entries()) {
      try { await p.screenshot({ path: join(SHOTS, `FAILED-${name.replace(/\W+/g, '_')}-${i}.png`), fullPage: true }); } catch { /* closed */ }
    }
    throw new Error(`step "${name}" failed: ${e.message}`, { cause: e });
  }
}

/** Polls fn until it returns a truthy value or the time runs out. */
export async function eventually(what, fn, timeoutMs = 60000, everyMs = 1000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}` + (last ? `: ${last.message}` : ''));
}

export async function api(method, path, { token, body, headers = {}, raw = false } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (token) init.headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(BASE + path, init);
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  if (raw) return { status: res.status, body: json };
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return json;
}

/** A member logs in through the mini-program path (the local WeChat stand-in maps the code to an openid). */
export async function memberLogin(code, inviteCode, nickname) {
  return api('POST', '/api/v1/auth/login', {
    body: {
      code, inviteCode, deviceId: 'e2e-device-' + code, agreementVersion: 'promo-2026-11', nickname,
    },
  });
}

/** The order system's HTTP intake: HMAC-SHA256 over timestamp + body (commission-engine README). */
export async function orderEvent(event) {
  // ids are strings in our JSON (they exceed 2^53); the order event carries the buyer as a JSON number
  const body = JSON.stringify(event).replace(/"buyerId":"(\d+)"/, '"buyerId":$1');
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = createHmac('sha256', ORDER_SECRET).update(timestamp + body).digest('hex');
  return api('POST', '/integration/v1/order-events', {
    body, headers: { 'X-Client-Id': ORDER_CLIENT, 'X-Timestamp': timestamp, 'X-Signature': signature },
  });
}

export function nowIso() {
  return new Date().toISOString();
}

/** A valid, adult, random resident ID number (GB 11643 check character); one per run. */
export function idNumber() {
  const birth = new Date(Date.UTC(1970 + Math.floor(Math.random() * 30), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)));
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const body = '110105' + ymd + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, wi, i) => acc + wi * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** "¥15.92" from 1592 fen, as the pages show it. */
export function yuanText(fen) {
  return '¥' + Math.floor(fen / 100) + '.' + String(fen % 100).padStart(2, '0');
}

/**
 * Staff token minted with the platform's own signing key. Only for the fallback while staff login is
 * not deployed (see staff-journey.mjs); the normal path logs in through the console's login form.
 */
export function mintStaffToken(staffId, roles) {
  const file = process.env.E2E_SIGNING_JWK_FILE;
  if (!file || !existsSync(file)) throw new Error('E2E_SIGNING_JWK_FILE is not set or missing');
  const jwk = JSON.parse(readFileSync(file, 'utf8'));
  const key = createPrivateKey({ key: jwk, format: 'jwk' });
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'ES256', kid: jwk.kid });
  const claims = b64({ iss: 'fenxiao', sub: String(staffId), kind: 'STAFF', roles, jti: randomUUID(), iat: now, exp: now + 3600 });
  const sig = sign('sha256', Buffer.from(head + '.' + claims), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${head}.${claims}.${sig}`;
}

/** Ends the journey: a closing line the IT looks for, and the exit code it asserts on. */
export async function run(name, journey) {
  let browser;
  try {
    browser = await launch();
    await journey(browser);
    log(`JOURNEY PASSED: ${name}`);
    await browser.close();
    process.exit(0);
  } catch (e) {
    console.error(e.stack || e);
    if (e.cause) console.error('cause:', e.cause.stack || e.cause);
    log(`JOURNEY FAILED: ${name}: ${e.message}`);
    try { await browser?.close(); } catch { /* already gone */ }
    process.exit(1);
  }
}
