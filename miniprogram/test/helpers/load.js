// Loads a page or component of src/ with miniprogram-simulate and renders it in jsdom.
const path = require('path');
const { SRC } = require('./wx');

global.wx = global.wx || {};
const simulate = require('miniprogram-simulate');

function render(relPath, props) {
  // simulate runs a page's js with require() and expects a re-require to run it again; in jest that
  // needs a fresh module registry (page modules only: simulate and j-component are held above)
  jest.resetModules();
  const id = simulate.load(path.join(SRC, relPath), { rootPath: SRC, compiler: 'simulate' });
  const comp = simulate.render(id, props);
  const parent = document.createElement('parent-wrapper');
  comp.attach(parent);
  return comp;
}

/** Text of the first element matching a selector in the page (or component) tree, trimmed. */
function text(comp, selector) {
  const el = comp.querySelector(selector);
  return el ? el.dom.textContent.replace(/\s+/g, ' ').trim() : null;
}

module.exports = { simulate, render, text };
