/*
 * webpack loader for exceljs's prebuilt browser bundle (node_modules/exceljs/dist/exceljs.min.js), which the
 * workbench gets through exceljs's `browser` field. Browserify inlined into that file two string-evaluating
 * fallbacks that a CSP without 'unsafe-eval' forbids and that no browser the workbench supports ever reaches:
 *   - the `setimmediate` polyfill turns a non-function callback into `new Function("" + callback)`;
 *   - core-js's global.js and lodash's root.js (five copies) end their global-object lookup in
 *     `Function("return this")()`, after `globalThis`, `window` and `self` have all been tried;
 *   - regenerator-runtime, when assigning the global `regeneratorRuntime` throws (strict mode) and there is no
 *     `globalThis`, assigns it through `Function("r", "regeneratorRuntime = r")`.
 * They cannot be aliased away (they are inside a prebuilt file), so they are replaced here: the callback case
 * throws a TypeError as the standard setImmediate does, the global lookup ends in `globalThis`, and the
 * regenerator fallback does nothing (every browser the workbench runs in has `globalThis`).
 * Every pattern must occur exactly the expected number of times: a new exceljs that differs fails the build,
 * to be reviewed, rather than shipping an unnoticed `new Function`.
 */
const REPLACEMENTS = [
  {
    what: 'setimmediate: new Function(callback text)',
    from: /"function"!=typeof (\w)&&\(\1=new Function\(""\+\1\)\);/g,
    to: (_m, v) => `if("function"!=typeof ${v})throw new TypeError("setImmediate: callback is not a function");`,
    count: 1,
  },
  {
    what: 'core-js / lodash: Function("return this")()',
    from: /Function\("return this"\)\(\)/g,
    to: () => 'globalThis',
    count: 6,
  },
  {
    what: 'regenerator-runtime: Function("r", "regeneratorRuntime = r")(runtime)',
    from: /Function\("r","regeneratorRuntime = r"\)\(\w\)/g,
    to: () => 'void 0',
    count: 1,
  },
];

module.exports = function cspSafeLoader(source) {
  let out = String(source);
  for (const r of REPLACEMENTS) {
    const found = out.match(r.from)?.length ?? 0;
    if (found !== r.count) {
      throw new Error(
        `csp-safe-loader: expected ${r.count} × ${r.what} in ${this.resourcePath}, found ${found}. ` +
          'exceljs changed: review scripts/csp-safe-loader.js before shipping the workbench.',
      );
    }
    out = out.replace(r.from, r.to);
  }
  return out;
};

module.exports.REPLACEMENTS = REPLACEMENTS;
