// Every page in app.json (and the components it uses) compiles with WeChat's own WXML compiler
// (miniprogram-compiler, the wcc of DevTools) and renders: a template DevTools would reject fails here.
const fs = require('fs');
const path = require('path');
const { SRC, installWx } = require('./helpers/wx');

global.wx = global.wx || {};
const simulate = require('miniprogram-simulate');

const app = JSON.parse(fs.readFileSync(path.join(SRC, 'app.json'), 'utf8'));

describe('app.json', () => {
  test('every page and tab exists with its four files', () => {
    for (const p of app.pages) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(fs.existsSync(path.join(SRC, p + '.' + ext))).toBe(true);
    }
    for (const t of app.tabBar.list) expect(app.pages).toContain(t.pagePath);
    // relation-service's WECHAT_INVITE_PAGE default: where a scanned mini-program code lands
    expect(app.pages).toContain('pages/index/index');
  });

  test('the gateway address lives in src/config.js alone', () => {
    const offenders = [];
    const walk = (dir) => fs.readdirSync(dir).forEach((n) => {
      const p = path.join(dir, n);
      if (fs.statSync(p).isDirectory()) return walk(p);
      if (/\.(js|wxml|json)$/.test(n) && p !== path.join(SRC, 'config.js') && /https?:\/\/(?!tmp\/)/.test(fs.readFileSync(p, 'utf8'))) offenders.push(path.relative(SRC, p));
      return undefined;
    });
    walk(SRC);
    expect(offenders).toEqual([]);
  });
});

describe('official WXML compiler', () => {
  test.each(app.pages)('%s compiles and renders', (p) => {
    installWx({});
    jest.resetModules();
    const id = simulate.load(path.join(SRC, p), { rootPath: SRC, compiler: 'official' });
    const comp = simulate.render(id);
    comp.attach(document.createElement('parent-wrapper'));
    expect(comp.dom).toBeTruthy();
  });
});
