/*
 * Which folder of src/ may import which: the architecture table of README.md as an ESLint rule (`ziping/layers`).
 * Relative imports are resolved against the importing file, so a folder name inside a path never misleads the rule
 * the way a string pattern would. Outside src/core, core is imported through its index only.
 * A new folder under src/ needs a row here (the rule reports files in a folder it does not know).
 */
const path = require('path');

/** folder → the folders it may import from ('*' = anything). */
const LAYERS = {
  core: [],
  xlsx: ['core'],
  cli: ['core', 'report', 'xlsx'],
  host: ['core'],
  excel: ['core', 'host'],
  app: ['core', 'host'],
  taskpane: ['app', 'core', 'host', 'report'],
  commands: ['app', 'excel', 'host', 'core'],
  wps: ['app', 'core', 'host'],
  report: ['app', 'core'],
  workbench: ['*'],
};

/**
 * Entry points that wire a host adapter into a front end (webpack entries), with what they may add. The WPS 加载项's
 * two pages are such entries: its pane is the same React pane given the WPS host, and its ribbon's 填写得分 runs the
 * same host-agnostic command as Excel's ribbon (src/commands/run.ts); the rest of src/wps stays below them.
 */
const ENTRIES = {
  'taskpane/index.tsx': ['excel'],
  'taskpane/wps.tsx': ['wps'],
  'wps/addin/entry.ts': ['commands'],
};

const SRC = path.join(__dirname, '..', 'src');

/**
 * `src/<folder>/…` → folder and the path inside src, or null outside src/. A file directly in src/ has folder '';
 * an import specifier may name a folder itself (`../app`).
 */
function placeOf(file, isFile) {
  const rel = path.relative(SRC, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return { folder: isFile && parts.length === 1 ? '' : parts[0], inSrc: parts.join('/') };
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'src/ folders import only the folders the architecture table allows; core only through its index' },
    schema: [],
    messages: {
      unknownFolder: 'src/{{folder}} has no row in the layer table (scripts/eslint-layers.js): say what it may import.',
      wrongWay: 'src/{{from}} may not import src/{{to}} (allowed: {{allowed}}); see README.md, Architecture.',
      deepCore: 'Import src/core through its index (`{{index}}`), not its internals; export what is needed from src/core/index.ts.',
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const here = placeOf(file, true);
    if (!here) return {};
    if (here.folder === '' || !(here.folder in LAYERS)) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unknownFolder', data: { folder: here.folder || here.inSrc } });
        },
      };
    }
    const allowed = [...LAYERS[here.folder], ...(ENTRIES[here.inSrc] ?? [])];
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = placeOf(path.resolve(path.dirname(file), source.value), false);
      if (!target || target.folder === here.folder) return;
      if (!allowed.includes('*') && !allowed.includes(target.folder)) {
        context.report({
          node: source,
          messageId: 'wrongWay',
          data: { from: here.folder, to: target.folder || target.inSrc, allowed: allowed.length ? allowed.join(', ') : 'nothing of ours' },
        });
        return;
      }
      if (target.folder === 'core' && !/^core(\/index(\.ts)?)?$/.test(target.inSrc)) {
        const index = path.relative(path.dirname(file), path.join(SRC, 'core')).split(path.sep).join('/');
        context.report({ node: source, messageId: 'deepCore', data: { index } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

module.exports = { LAYERS, ENTRIES, plugin: { rules: { layers: rule } } };
