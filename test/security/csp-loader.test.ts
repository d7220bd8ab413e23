/*
 * scripts/csp-safe-loader.js: exceljs's prebuilt browser bundle loses its string-evaluating polyfill fallbacks, and
 * a bundle that differs from what was reviewed fails the build instead of shipping unnoticed.
 */
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require('../../scripts/csp-safe-loader.js') as (this: { resourcePath: string }, source: string) => string;
const EXCELJS = path.join(__dirname, '..', '..', 'node_modules', 'exceljs', 'dist', 'exceljs.min.js');
const run = (source: string) => loader.call({ resourcePath: 'exceljs.min.js' }, source);
const EVALUATES = /\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]|(?<![\w$.])eval\s*\(/;

describe('csp-safe-loader', () => {
  it('leaves exceljs.min.js without string evaluation, and still parseable', () => {
    const before = fs.readFileSync(EXCELJS, 'utf8');
    expect(before).toMatch(EVALUATES);
    const after = run(before);
    expect(after).not.toMatch(EVALUATES);
    expect(after).toContain('setImmediate: callback is not a function');
    // parse only (never run): a syntax error would throw here
    expect(() => new (Object.getPrototypeOf(function* () {}).constructor)(after)).not.toThrow();
  });

  it('fails the build when a pattern is not found as often as reviewed (a changed exceljs)', () => {
    expect(() => run('var g = Function("return this")();')).toThrow(/expected 1 × setimmediate.*found 0.*review scripts\/csp-safe-loader\.js/);
  });
});
