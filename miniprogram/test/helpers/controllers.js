// Reads the member-facing REST contract from the services' Spring controllers — the same source
// springdoc turns into each service's /v3/api-docs — without starting anything: mappings (method,
// path, with constants resolved), @RequestParam and @RequestHeader names, the @RequestBody record's
// components (and which are @NotNull/@NotBlank), and the components of the records it answers with.
const fs = require('fs');
const path = require('path');

const REPO = path.join(__dirname, '..', '..', '..');
const SERVICES = ['relation-service', 'commission-engine', 'settlement-service', 'withdrawal-service'];

function javaFiles(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) javaFiles(p, out);
    else if (name.endsWith('.java')) out.push(p);
  }
  return out;
}

/** The source with every string literal's content blanked (same length), so parentheses in texts do not count. */
function maskStrings(src) {
  return src.replace(/"(?:[^"\\\n]|\\.)*"/g, (lit) => '"' + ' '.repeat(lit.length - 2) + '"');
}

/** record Name(components) anywhere in the sources, nested ones too. */
function readRecords(files) {
  const records = {};
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const masked = maskStrings(src);
    const re = /record\s+(\w+)(?:<[^>]*>)?\s*\(/g;
    let m;
    while ((m = re.exec(masked))) {
      let depth = 1;
      let i = re.lastIndex;
      for (; i < masked.length && depth; i++) {
        if (masked[i] === '(') depth++;
        else if (masked[i] === ')') depth--;
      }
      const from = re.lastIndex;
      (records[m[1]] = records[m[1]] || []).push({
        file: f,
        components: components(src.slice(from, i - 1), masked.slice(from, i - 1)),
      });
    }
  }
  return records;
}

/**
 * "@NotBlank @Size(max = 32) String version, List<X> items" -> [{name, type, required}]; the name is the
 * JSON one (@JsonProperty("…") when present). {@code masked} is the same text with string contents blanked.
 */
function components(inner, masked = maskStrings(inner)) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i];
    if (ch === '(' || ch === '<') depth++;
    if (ch === ')' || ch === '>') depth--;
    if (ch === ',' && depth === 0) { parts.push([start, i]); start = i + 1; }
  }
  if (masked.slice(start).trim()) parts.push([start, masked.length]);
  return parts.map(([a, b]) => {
    const original = inner.slice(a, b);
    const p = masked.slice(a, b);
    const required = /@(NotNull|NotBlank|NotEmpty)\b/.test(p);
    const stripped = p.replace(/@[\w.]+(\([^)]*\))?/g, ' ').replace(/\s+/g, ' ').trim();
    const tokens = stripped.split(' ');
    const renamed = (/@JsonProperty\(\s*(?:value\s*=\s*)?"([^"]+)"/.exec(original) || [])[1];
    return { name: renamed || tokens[tokens.length - 1], type: tokens.slice(0, -1).join(' '), required };
  }).filter((c) => /^\w+$/.test(c.name));
}

function constants(src) {
  const out = {};
  const re = /static\s+final\s+String\s+(\w+)\s*=\s*"([^"]*)"/g;
  let m;
  while ((m = re.exec(src))) out[m[1]] = m[2];
  return out;
}

function readMappings(files) {
  const mappings = [];
  for (const f of files) {
    if (!/Controller\.java$/.test(f)) continue;
    const src = fs.readFileSync(f, 'utf8');
    const consts = constants(src);
    const classBase = (/@RequestMapping\(\s*(?:value\s*=\s*|path\s*=\s*)?"([^"]*)"\s*\)\s*(?:@\w+\s*)*class/.exec(src) || [])[1] || '';
    const re = /@(Get|Post|Put|Delete|Patch)Mapping(?:\(([^)]*)\))?/g;
    let m;
    while ((m = re.exec(src))) {
      const args = m[2] || '';
      let p = (/"([^"]*)"/.exec(args) || [])[1];
      if (p === undefined) {
        const c = /(?:value\s*=\s*|path\s*=\s*)?\b([A-Z_][A-Z0-9_]*)\b/.exec(args);
        p = c && consts[c[1]] !== undefined ? consts[c[1]] : '';
      }
      // the method's signature: from the annotation to the opening brace of its body
      // (found on the text with strings blanked, skipping balanced parentheses: an @Operation holds braces)
      const masked = maskStrings(src);
      let at = re.lastIndex;
      let depth = 0;
      while (at < masked.length && !(masked[at] === '{' && depth === 0)) {
        if (masked[at] === '(') depth++;
        else if (masked[at] === ')') depth--;
        at++;
      }
      const sig = src.slice(re.lastIndex, at);
      const maskedSig = masked.slice(re.lastIndex, at);
      let start = 0;
      for (;;) {
        while (start < maskedSig.length && /\s/.test(maskedSig[start])) start++;
        if (maskedSig[start] !== '@') break;
        start++;
        while (start < maskedSig.length && /[\w.]/.test(maskedSig[start])) start++;
        while (start < maskedSig.length && /\s/.test(maskedSig[start])) start++;
        if (maskedSig[start] === '(') {
          let d = 0;
          do {
            if (maskedSig[start] === '(') d++;
            else if (maskedSig[start] === ')') d--;
            start++;
          } while (start < maskedSig.length && d > 0);
        }
      }
      const head = sig.slice(start).trim();
      const returnType = (/^(?:public\s+|protected\s+|private\s+)?([\w<>, ?]+?)\s+\w+\s*\(/.exec(head) || [])[1] || '';
      const params = [];
      const qre = /@RequestParam(?:\(([^)]*)\))?\s+(?:final\s+)?[\w<>]+\s+(\w+)/g;
      let q;
      while ((q = qre.exec(sig))) {
        let name = q[2];
        for (const part of (q[1] || '').split(',')) {
          const a = /^\s*(?:(?:value|name)\s*=\s*)?"(\w+)"\s*$/.exec(part);
          if (a) name = a[1];
        }
        params.push({ name, required: !(q[1] && /required\s*=\s*false|defaultValue/.test(q[1])) });
      }
      const headers = [];
      const hre = /@RequestHeader\(\s*(?:value\s*=\s*|name\s*=\s*)?"([^"]+)"/g;
      let h;
      while ((h = hre.exec(sig))) headers.push(h[1]);
      const body = (/@RequestBody\s+(?:final\s+)?(\w+)/.exec(sig) || [])[1] || null;
      mappings.push({
        method: m[1].toUpperCase(), path: (classBase + p).replace(/\{(\w+)(:[^}]*)?\}/g, '{$1}'),
        file: path.relative(REPO, f), returnType, params, headers, body,
      });
    }
  }
  return mappings;
}

function load() {
  const files = SERVICES.flatMap((s) => javaFiles(path.join(REPO, s, 'src', 'main', 'java')));
  return { mappings: readMappings(files), records: readRecords(files), files };
}

function recordNamed(name, records, preferFile) {
  const all = records[name] || [];
  return all.find((r) => r.file === preferFile) || (all.length === 1 ? all[0] : all[0]);
}

/**
 * Field names a return type answers with, nested records as "outer.inner"; a generic page such as
 * CommissionPageView<MyCommissionView> gives its type argument's fields under the component typed T.
 */
function responseFields(returnType, records, preferFile, depth = 0) {
  const out = new Set();
  if (depth > 3) return out;
  const m = /^\s*(?:ResponseEntity<)?\s*(\w+)\s*(?:<\s*(\w+)\s*>)?/.exec(returnType || '');
  if (!m) return out;
  let outer = m[1];
  let arg = m[2];
  if (!records[outer] && arg && records[arg]) { outer = arg; arg = null; }
  const r = recordNamed(outer, records, preferFile);
  if (!r) return out;
  for (const c of r.components) {
    out.add(c.name);
    let nested = null;
    if (arg && /\bT\b/.test(c.type)) nested = responseFields(arg, records, preferFile, depth + 1);
    else {
      const inner = (c.type.match(/\b[A-Z]\w*\b/g) || []).filter((n) => records[n] && n !== outer).pop();
      if (inner) nested = responseFields(inner, records, r.file, depth + 1);
    }
    if (nested) nested.forEach((x) => out.add(c.name + '.' + x));
  }
  return out;
}

module.exports = { load, responseFields, REPO };
