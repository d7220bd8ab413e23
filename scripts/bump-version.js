#!/usr/bin/env node
/*
 * npm run version:bump -- 0.2.0          (or patch | minor | major)
 * Sets the version in package.json, package-lock.json (root), manifest.xml (<Version>x.y.z.0</Version>) and inserts
 * "## [x.y.z] - YYYY-MM-DD" under "## [Unreleased]" in CHANGELOG.md, so the unreleased entries become that release's.
 * Computes every new file first and writes only when all succeed. --root <dir> works on another checkout (tests).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function parseVersion(text) {
  const m = SEMVER.exec(text);
  if (!m) return null;
  return m.slice(1, 4).map(Number);
}

function compareVersions(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The next version: an explicit x.y.z (must be greater than current) or patch | minor | major. */
function nextVersion(current, spec) {
  const cur = parseVersion(current);
  if (!cur) throw new Error(`package.json version "${current}" is not x.y.z`);
  const [major, minor, patch] = cur;
  if (spec === 'patch') return `${major}.${minor}.${patch + 1}`;
  if (spec === 'minor') return `${major}.${minor + 1}.0`;
  if (spec === 'major') return `${major + 1}.0.0`;
  const next = parseVersion(String(spec ?? ''));
  if (!next) {
    throw new Error(
      `Version "${spec ?? ''}" is not valid: give x.y.z (numbers only: the Office manifest has no pre-release versions) or patch, minor, major`,
    );
  }
  if (compareVersions(next, cur) <= 0) throw new Error(`Version ${spec} is not greater than the current ${current}`);
  return next.join('.');
}

function detectIndent(jsonText) {
  const m = /^[{[]\r?\n([ \t]+)/.exec(jsonText);
  return m ? m[1] : 2;
}

function setJsonVersion(jsonText, version, isLock) {
  const data = JSON.parse(jsonText);
  data.version = version;
  if (isLock && data.packages && data.packages['']) data.packages[''].version = version;
  return `${JSON.stringify(data, null, detectIndent(jsonText))}\n`;
}

function setManifestVersion(xml, version) {
  const matches = xml.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (matches.length !== 1) throw new Error(`manifest.xml: expected exactly one <Version> element, found ${matches.length}`);
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
}

function insertChangelogHeading(text, version, date) {
  const heading = `## [${version}] - ${date}`;
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) {
    throw new Error(`CHANGELOG.md already has a section for ${version}`);
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unreleased = /^## \[Unreleased\][^\r\n]*(\r?\n)/im.exec(text);
  if (unreleased) {
    const at = unreleased.index + unreleased[0].length;
    return `${text.slice(0, at)}${eol}${heading}${eol}${text.slice(at).replace(/^(\r?\n)+/, eol)}`;
  }
  const firstRelease = /^## /m.exec(text);
  if (firstRelease) {
    return `${text.slice(0, firstRelease.index)}${heading}${eol}${eol}${text.slice(firstRelease.index)}`;
  }
  return `${text.replace(/(\r?\n)*$/, '')}${eol}${eol}${heading}${eol}`;
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Bumps the version in root (default: this repository). Returns { from, to, files } (files: paths written).
 */
function bumpVersion({ root = path.join(__dirname, '..'), spec, date = today() }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`date "${date}" is not YYYY-MM-DD`);
  const file = (name) => path.join(root, name);
  const pkgText = fs.readFileSync(file('package.json'), 'utf8');
  const from = JSON.parse(pkgText).version;
  const to = nextVersion(from, spec);

  const writes = [[file('package.json'), setJsonVersion(pkgText, to, false)]];
  if (fs.existsSync(file('package-lock.json'))) {
    writes.push([file('package-lock.json'), setJsonVersion(fs.readFileSync(file('package-lock.json'), 'utf8'), to, true)]);
  }
  writes.push([file('manifest.xml'), setManifestVersion(fs.readFileSync(file('manifest.xml'), 'utf8'), to)]);
  if (fs.existsSync(file('CHANGELOG.md'))) {
    writes.push([file('CHANGELOG.md'), insertChangelogHeading(fs.readFileSync(file('CHANGELOG.md'), 'utf8'), to, date)]);
  } else {
    console.warn('CHANGELOG.md not found: no release heading added');
  }
  for (const [p, text] of writes) fs.writeFileSync(p, text);
  return { from, to, files: writes.map(([p]) => p) };
}

function main(argv) {
  const args = argv.slice();
  let root;
  const rootAt = args.indexOf('--root');
  if (rootAt !== -1) {
    root = args[rootAt + 1];
    if (!root) throw new Error('--root needs a directory');
    args.splice(rootAt, 2);
  }
  if (args.length !== 1) {
    throw new Error('Usage: npm run version:bump -- <x.y.z | patch | minor | major>');
  }
  const result = bumpVersion({ root: root ? path.resolve(root) : undefined, spec: args[0] });
  console.log(`${result.from} → ${result.to}`);
  for (const p of result.files) console.log(`  updated ${path.relative(process.cwd(), p) || p}`);
  console.log('Next: review the CHANGELOG entry, rebuild (ADDIN_BASE_URL=… npm run build) and re-upload dist/manifest.xml.');
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

module.exports = { nextVersion, setManifestVersion, insertChangelogHeading, bumpVersion };
