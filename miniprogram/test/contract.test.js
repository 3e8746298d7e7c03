// Contract: every request the mini-program's API module can send matches the documented member API —
// the services' controllers (what springdoc publishes as /v3/api-docs), the gateway's routes, and
// API.md when the shared folder sits beside the repository. Endpoints still being built elsewhere are
// held to their written contract in test/contract/pending-endpoints.json until their controller lands.
const fs = require('fs');
const path = require('path');
const { installWx, flush } = require('./helpers/wx');
const controllers = require('./helpers/controllers');

global.wx = global.wx || {};
const api = require('../src/utils/api');
const pending = require('./contract/pending-endpoints.json').endpoints;

const { mappings, records } = controllers.load();

/** Response fields the pages read, per endpoint: each must be something the server answers. */
const READS = {
  agreement: ['version', 'title', 'paragraphs', 'effectiveAt'],
  login: ['token', 'expiresIn', 'userId', 'newUser', 'binding.bound', 'binding.inviterId', 'binding.refusedReason', 'binding.refusedMessage'],
  promoter: ['userId', 'inviteCode', 'inviteLink', 'inviter.nickname', 'boundAt', 'coolingOffEndsAt', 'level1Count', 'level2Count', 'agreement.reacceptRequired'],
  myAgreement: ['current.version', 'current.title', 'current.paragraphs'],
  team: ['items.userId', 'items.nickname', 'items.joinedAt', 'nextCursor'],
  commissions: ['items.id', 'items.orderNo', 'items.buyerNickname', 'items.level', 'items.amountFen', 'items.status', 'items.held', 'items.holdNote', 'items.createdAt', 'items.expectedReleaseAt', 'nextCursor'],
  wallet: ['pendingFen', 'availableFen', 'frozenFen', 'withdrawnFen', 'debtFen'],
  identity: ['verified', 'maskedName', 'maskedIdNumber'],
  verifyIdentity: ['verified', 'maskedName', 'maskedIdNumber'],
  quote: ['amountFen', 'feeFen', 'taxFen', 'netFen', 'channel', 'expectedArrival'],
  withdraw: ['id', 'status', 'amountFen', 'feeFen', 'taxFen', 'netFen', 'packageInfo'],
  withdrawals: ['items.id', 'items.status', 'items.channel', 'items.amountFen', 'items.feeFen', 'items.taxFen', 'items.netFen', 'items.reason', 'items.packageInfo', 'items.createdAt', 'items.paidAt', 'nextCursor'],
  confirmation: ['mchId', 'appId', 'package'],
};

function mappingOf(e) {
  return mappings.find((m) => m.method === e.method && m.path === e.path);
}

/** The documented contract of one endpoint: from its controller, else from the pending list. */
function contractOf(e) {
  const m = mappingOf(e);
  if (m) {
    const file = path.join(controllers.REPO, m.file);
    const body = m.body ? controllers_record(m.body, file) : null;
    return {
      source: m.file,
      body: body ? body.components.map((c) => c.name) : null,
      required: body ? body.components.filter((c) => c.required).map((c) => c.name) : [],
      query: m.params.map((p) => p.name),
      requiredQuery: m.params.filter((p) => p.required).map((p) => p.name),
      headers: m.headers,
      response: controllers.responseFields(m.returnType, records, file),
      image: !m.returnType || /byte\[\]/.test(m.returnType),
    };
  }
  const p = pending[e.method + ' ' + e.path];
  if (!p) return null;
  return {
    source: 'test/contract/pending-endpoints.json',
    body: p.body || null, required: p.required || [], query: p.query || [], requiredQuery: [], headers: [],
    response: new Set(p.response || []), enums: p.enums || {},
  };
}

function controllers_record(name, preferFile) {
  const all = records[name] || [];
  return all.find((r) => r.file === preferFile) || all[0];
}

const names = Object.keys(api.ENDPOINTS);

describe('the API module against the documented member API', () => {
  test('the controllers were found (a moved service would otherwise pass this test silently)', () => {
    expect(mappings.filter((m) => m.path.startsWith('/api/v1/')).length).toBeGreaterThanOrEqual(15);
  });

  test.each(names)('%s: method and path are documented', (name) => {
    const e = api.ENDPOINTS[name];
    const c = contractOf(e);
    if (!c) throw new Error(`${e.method} ${e.path} is in no controller and not in pending-endpoints.json`);
    expect(c.source).toBeTruthy();
  });

  test.each(names)('%s: body, query and headers are the documented ones, required ones included', (name) => {
    const e = api.ENDPOINTS[name];
    const c = contractOf(e);
    const body = e.body || [];
    if (c.body) {
      expect(body.filter((f) => !c.body.includes(f))).toEqual([]);
      expect(c.required.filter((f) => !body.includes(f))).toEqual([]);
    } else {
      expect(body).toEqual([]);
    }
    expect((e.query || []).filter((q) => !c.query.includes(q))).toEqual([]);
    expect(c.requiredQuery.filter((q) => !(e.query || []).includes(q))).toEqual([]);
    expect((e.headers || []).filter((h) => !c.headers.includes(h))).toEqual([]);
    expect(c.headers.filter((h) => !(e.headers || []).includes(h))).toEqual([]);
  });

  test.each(Object.keys(READS))('%s: every field the pages read is answered', (name) => {
    const c = contractOf(api.ENDPOINTS[name]);
    expect(READS[name].filter((f) => !c.response.has(f))).toEqual([]);
  });

  test('image endpoints answer images', () => {
    for (const name of names.filter((n) => api.ENDPOINTS[n].image)) {
      const m = mappingOf(api.ENDPOINTS[name]);
      expect(m).toBeTruthy();
      const src = fs.readFileSync(path.join(controllers.REPO, m.file), 'utf8');
      expect(src).toMatch(/IMAGE_PNG/);
    }
  });

  test('the gateway routes every path the mini-program calls', () => {
    const yml = fs.readFileSync(path.join(controllers.REPO, 'gateway', 'src', 'main', 'resources', 'application.yml'), 'utf8');
    const globs = [];
    yml.split('\n').forEach((line) => {
      const m = /-\s*Path=(.*)$/.exec(line.trim());
      if (m) m[1].split(',').forEach((g) => globs.push(g.trim()));
    });
    const matches = (glob, p) => {
      const re = new RegExp('^' + glob.replace(/\/\*\*$/, '(/.*)?').replace(/\*\*/g, '.*').replace(/(?<!\.)\*/g, '[^/]*') + '$');
      return re.test(p);
    };
    const unrouted = names.map((n) => api.ENDPOINTS[n].path.replace(/\{\w+\}/g, '123'))
      .filter((p) => !globs.some((g) => matches(g, p)));
    expect(unrouted).toEqual([]);
  });

  test('API.md, when the shared folder is beside the repository: every member path is called here', () => {
    const candidates = [path.join(controllers.REPO, '..', 'shared', 'API.md'), path.join(controllers.REPO, '..', '..', 'shared', 'API.md')];
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) return;
    const md = fs.readFileSync(file, 'utf8');
    const documented = [];
    const re = /^\|\s*(GET|POST|PUT|DELETE)\s+(\/api\/v1\/[^\s|]+)/gm;
    let m;
    while ((m = re.exec(md))) documented.push(m[1] + ' ' + m[2]);
    const mine = new Set(names.map((n) => api.ENDPOINTS[n].method + ' ' + api.ENDPOINTS[n].path));
    expect(documented.length).toBeGreaterThan(5);
    expect(documented.filter((d) => !mine.has(d))).toEqual([]);
  });
});

describe('what the module actually sends', () => {
  const CALLS = {
    agreement: [], login: [{ code: 'c', deviceId: 'd', agreementVersion: 'v', inviteCode: 'AB3XY9K', channel: 'WXACODE', nickname: 'n', extra: 'x' }],
    promoter: [], myAgreement: [], acceptAgreement: ['v2'], bind: ['AB3XY9K'], unbind: [],
    team: ['2', 'cur'], commissions: ['PENDING', 'cur'], wallet: [], identity: [], verifyIdentity: ['张三', '11010519491231002X'],
    quote: [3000, 'WECHAT'], withdraw: [3000, 'BANK', 'key-1'], withdrawals: ['cur'],
    confirmation: ['9001'], reportConfirmation: ['9001', 'CANCELLED', 'requestMerchantTransfer:fail cancel'],
  };

  test.each(Object.keys(CALLS))('%s sends a documented request', async (name) => {
    const gw = installWx({});
    gw.storage.set('fx.token', 't');
    gw.state.offline = false;
    // any answer will do: the request is what is checked
    global.wx.request = (o) => { gw.calls.requests.push(o); o.success({ statusCode: 200, data: {} }); };
    await api[name](...CALLS[name]);
    await flush(2);
    expect(gw.calls.requests).toHaveLength(1);
    const sent = gw.calls.requests[0];
    const e = api.ENDPOINTS[name];
    const c = contractOf(e);
    const [pathOnly, qs] = sent.url.replace(/^https?:\/\/[^/]+/, '').split('?');
    expect(sent.method).toBe(e.method);
    expect(pathOnly).toMatch(new RegExp('^' + e.path.replace(/\{\w+\}/g, '[^/]+') + '$'));
    const query = (qs || '').split('&').filter(Boolean).map((p) => decodeURIComponent(p.split('=')[0]));
    expect(query.filter((q) => !c.query.includes(q))).toEqual([]);
    const bodyKeys = Object.keys(sent.data || {});
    expect(bodyKeys.filter((k) => !(c.body || []).includes(k))).toEqual([]);
    expect(c.required.filter((k) => !bodyKeys.includes(k))).toEqual([]);
    for (const [field, allowed] of Object.entries(c.enums || {})) {
      if (sent.data && sent.data[field] !== undefined) expect(allowed).toContain(sent.data[field]);
    }
    if (e.auth === false) expect(sent.header.Authorization).toBeUndefined();
    else expect(sent.header.Authorization).toBe('Bearer t');
    (e.headers || []).forEach((h) => expect(sent.header[h]).toBeTruthy());
    if (e.body) expect(sent.header['Content-Type']).toBe('application/json');
  });

  test('image endpoints are downloaded with the token', async () => {
    const gw = installWx({});
    gw.storage.set('fx.token', 't');
    await api.qrcode();
    await api.wxacode();
    expect(gw.calls.downloads.map((d) => d.url.replace(/^https?:\/\/[^/]+/, ''))).toEqual(['/api/v1/me/promoter/qrcode', '/api/v1/me/promoter/wxacode']);
    expect(gw.calls.downloads.every((d) => d.header.Authorization === 'Bearer t')).toBe(true);
  });
});
