#!/usr/bin/env node
/*
 * npm run audit:prod — an offline `npm audit` for what we ship. The registry here answers 405 to audit requests,
 * so the production dependency tree is read from node_modules (each package.json: name, version, licence, its
 * dependencies, resolved as Node resolves them) and checked against scripts/advisories.json, a small advisory
 * list kept in the repository and reviewed each release. The tree is written to docs/dependencies.md.
 *
 * Exit 0: no installed version in a vulnerable range, or every match marked not applicable with a reason.
 * Exit 1: a match that is not marked (or --check and docs/dependencies.md is out of date).
 * Exit 2: the tree or the advisory list cannot be read.
 *
 * Usage: node scripts/audit-prod.js [--root DIR] [--advisories FILE] [--out FILE] [--check]
 */
const fs = require('fs');
const path = require('path');

const STALE_DAYS = 120;

function parseArgs(argv) {
  const repo = path.join(__dirname, '..');
  const o = { root: repo, advisories: null, out: null, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') o.check = true;
    else if (a === '--root' || a === '--advisories' || a === '--out') {
      const v = argv[++i];
      if (!v) throw new UsageError(`${a} needs a value`);
      o[a.slice(2)] = path.resolve(v);
    } else throw new UsageError(`unknown argument ${a}`);
  }
  o.advisories ??= path.join(o.root, 'scripts', 'advisories.json');
  o.out ??= path.join(o.root, 'docs', 'dependencies.md');
  return o;
}

class UsageError extends Error {}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ');
  return 'UNKNOWN';
}

/** The folder Node would load `name` from when required from `dir` (a package folder), or null. */
function resolvePackage(name, dir, root) {
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) !== 'node_modules') {
      const candidate = path.join(d, 'node_modules', name, 'package.json');
      if (fs.existsSync(candidate)) return path.dirname(candidate);
    }
    if (d === root || path.dirname(d) === d || !d.startsWith(root)) return null;
  }
}

/**
 * The production tree: every package reachable from the root's dependencies and optionalDependencies through
 * dependencies, optionalDependencies and (installed) peerDependencies. Each installed copy once, by folder.
 */
function productionTree(root) {
  const rootPkg = readJson(path.join(root, 'package.json'));
  const found = new Map();
  const missing = [];
  const queue = Object.keys({ ...rootPkg.dependencies, ...rootPkg.optionalDependencies }).map((name) => ({ name, from: root, by: rootPkg.name ?? '(root)', optional: name in (rootPkg.optionalDependencies ?? {}) }));
  while (queue.length) {
    const { name, from, by, optional } = queue.shift();
    const dir = resolvePackage(name, from, root);
    if (!dir) {
      if (!optional) missing.push(`${name} (needed by ${by})`);
      continue;
    }
    if (found.has(dir)) continue;
    const pkg = readJson(path.join(dir, 'package.json'));
    found.set(dir, { name: pkg.name ?? name, version: pkg.version ?? '0.0.0', licence: licenceOf(pkg), path: path.relative(root, dir).split(path.sep).join('/') });
    const optionalPeers = new Set(Object.entries(pkg.peerDependenciesMeta ?? {}).filter(([, m]) => m && m.optional).map(([n]) => n));
    for (const n of Object.keys(pkg.dependencies ?? {})) queue.push({ name: n, from: dir, by: pkg.name, optional: false });
    for (const n of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ name: n, from: dir, by: pkg.name, optional: true });
    for (const n of Object.keys(pkg.peerDependencies ?? {})) queue.push({ name: n, from: dir, by: pkg.name, optional: optionalPeers.has(n) });
  }
  const packages = [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || compareVersions(a.version, b.version) || a.path.localeCompare(b.path));
  return { packages, missing };
}

// --- versions and ranges: the subset of semver an advisory needs (`<1.2.3`, `>=2.0.0 <2.0.2`, `a || b`, `1.2.3`)

function parseVersion(v) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(String(v).trim());
  if (!m) return null;
  return { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null };
}

function compareVersions(a, b) {
  const x = parseVersion(a), y = parseVersion(b);
  if (!x || !y) return String(a).localeCompare(String(b));
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i];
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true });
}

/** Parses a range into alternatives of comparators; throws on anything else. */
function parseRange(range) {
  return String(range).split('||').map((alt) => {
    const parts = alt.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) throw new Error(`empty range in "${range}"`);
    return parts.map((p) => {
      const m = /^(<=|>=|<|>|=)?(.+)$/.exec(p);
      if (!m || !parseVersion(m[2])) throw new Error(`cannot read "${p}" in range "${range}"`);
      return { op: m[1] ?? '=', version: m[2] };
    });
  });
}

function satisfies(version, range) {
  return parseRange(range).some((alt) => alt.every(({ op, version: v }) => {
    const c = compareVersions(version, v);
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : c === 0;
  }));
}

// --- the advisory list

function readAdvisories(file) {
  const list = readJson(file);
  const problems = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(list.reviewed ?? '')) problems.push('"reviewed" must be a date YYYY-MM-DD');
  if (!Array.isArray(list.advisories)) problems.push('"advisories" must be an array');
  for (const [i, a] of (list.advisories ?? []).entries()) {
    const at = `advisories[${i}]${a && a.id ? ` (${a.id})` : ''}`;
    for (const k of ['id', 'package', 'vulnerable', 'summary']) if (typeof a[k] !== 'string' || !a[k]) problems.push(`${at}: "${k}" is required`);
    if (typeof a.verified !== 'string' && a.verified !== false) problems.push(`${at}: "verified" must say where it was checked, or be false`);
    if ('notApplicable' in a && (typeof a.notApplicable !== 'string' || a.notApplicable.trim().length < 10)) {
      problems.push(`${at}: "notApplicable" must give the reason`);
    }
    try {
      if (typeof a.vulnerable === 'string') parseRange(a.vulnerable);
    } catch (e) {
      problems.push(`${at}: ${e.message}`);
    }
  }
  if (problems.length) throw new Error(`${path.basename(file)}:\n  ${problems.join('\n  ')}`);
  return list;
}

function check(tree, list) {
  const matches = [];
  for (const a of list.advisories) {
    for (const p of tree.packages) {
      if (p.name === a.package && satisfies(p.version, a.vulnerable)) matches.push({ advisory: a, pkg: p, waived: Boolean(a.notApplicable) });
    }
  }
  return matches;
}

// --- docs/dependencies.md

const cell = (s) => String(s).replace(/\|/g, '\\|');

function render(tree, list, matches) {
  const lines = [
    '# Production dependencies / 生产依赖',
    '',
    'Generated by `npm run audit:prod` (scripts/audit-prod.js) from node_modules; do not edit by hand.',
    `Advisory list: \`scripts/advisories.json\`, reviewed ${list.reviewed} (${list.advisories.length} entries).`,
    '由 `npm run audit:prod` 生成，请勿手工修改；每次发布前复核 `scripts/advisories.json` 并重新生成。',
    '',
    '## Advisory check / 公告核对',
    '',
  ];
  if (matches.length === 0) lines.push('No installed version is in a vulnerable range of the list.');
  else {
    lines.push('| package | installed | advisory | vulnerable | verdict |', '|---|---|---|---|---|');
    for (const m of matches) {
      lines.push(`| ${cell(m.pkg.name)} | ${cell(m.pkg.version)} | ${cell(m.advisory.id)} | ${cell(m.advisory.vulnerable)} | ${m.waived ? `not applicable: ${cell(m.advisory.notApplicable)}` : '**VULNERABLE**'} |`);
    }
  }
  lines.push('', `## Tree / 依赖树 (${tree.packages.length} installed packages)`, '', '| package | version | licence | path |', '|---|---|---|---|');
  for (const p of tree.packages) lines.push(`| ${cell(p.name)} | ${cell(p.version)} | ${cell(p.licence)} | ${cell(p.path)} |`);
  const licences = new Map();
  for (const p of tree.packages) licences.set(p.licence, (licences.get(p.licence) ?? 0) + 1);
  lines.push('', '## Licences / 许可证', '', '| licence | packages |', '|---|---|');
  for (const [l, n] of [...licences].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`| ${cell(l)} | ${n} |`);
  return `${lines.join('\n')}\n`;
}

function main(argv, now = new Date()) {
  let o;
  try {
    o = parseArgs(argv);
  } catch (e) {
    console.error(`audit:prod: ${e.message}`);
    return 2;
  }
  let tree, list;
  try {
    tree = productionTree(o.root);
    list = readAdvisories(o.advisories);
  } catch (e) {
    console.error(`audit:prod: ${e.message}`);
    return 2;
  }
  if (tree.missing.length) {
    console.error(`audit:prod: not installed (run npm ci): ${tree.missing.join(', ')}`);
    return 2;
  }
  const matches = check(tree, list);
  const md = render(tree, list, matches);
  let code = 0;
  if (o.check) {
    const current = fs.existsSync(o.out) ? fs.readFileSync(o.out, 'utf8') : '';
    if (current !== md) {
      console.error(`audit:prod: ${path.relative(process.cwd(), o.out)} is out of date; run npm run audit:prod`);
      code = 1;
    }
  } else {
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, md);
  }
  const age = Math.floor((now.getTime() - Date.parse(`${list.reviewed}T00:00:00Z`)) / 86_400_000);
  console.log(`audit:prod: ${tree.packages.length} production packages; advisory list reviewed ${list.reviewed} (${age} days ago)`);
  if (age > STALE_DAYS) console.log(`audit:prod: warning: the advisory list is more than ${STALE_DAYS} days old; review it before a release`);
  const unverified = list.advisories.filter((a) => a.verified === false).length;
  if (unverified) console.log(`audit:prod: ${unverified} list entries are marked unverified (see scripts/advisories.json)`);
  for (const m of matches) {
    const line = `${m.pkg.name}@${m.pkg.version} (${m.pkg.path}) is in ${m.advisory.id} ${m.advisory.vulnerable}: ${m.advisory.summary}`;
    if (m.waived) console.log(`audit:prod: not applicable: ${line} — ${m.advisory.notApplicable}`);
    else console.error(`audit:prod: VULNERABLE: ${line}`);
  }
  if (matches.some((m) => !m.waived)) code = 1;
  return code;
}

module.exports = { main, productionTree, satisfies, parseRange, compareVersions };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
