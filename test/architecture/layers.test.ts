/*
 * The folder rules of eslint.config.js (scripts/eslint-layers.js) catch a wrong-way import: source text linted as if
 * it were a file at the given path under src/ (the file need not exist).
 */
import { ESLint } from 'eslint';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
// the project's own config, loaded here: ESLint would load the file with import(), which jest's VM refuses
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(ROOT, 'eslint.config.js')) as ESLint.Options['overrideConfig'];
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === 'ziping/layers' || m.fatal).map((m) => m.message);
}

describe('import rules per folder', () => {
  it('refuses the ribbon commands importing the pane', async () => {
    const errors = await layerErrors('src/commands/wrong.ts', "import { x } from '../taskpane/x';\nexport const y = x;\n");
    expect(errors).toEqual([expect.stringContaining('src/commands may not import src/taskpane')]);
  });

  it('lets the commands import the app layer, the Excel host and the core index', async () => {
    const code = "import { strings } from '../app';\nimport { createExcelHost } from '../excel/createExcelHost';\nimport { D } from '../core';\nexport const y = [strings, createExcelHost, D];\n";
    expect(await layerErrors('src/commands/right.ts', code)).toEqual([]);
  });

  it.each([
    ['src/core/x.ts', "import { HostError } from '../host';"],
    ['src/xlsx/x.ts', "import { run } from '../cli/run';"],
    ['src/excel/x.ts', "import { strings } from '../app';"],
    ['src/app/x.ts', "import { App } from '../taskpane/App';"],
    ['src/taskpane/components/x.ts', "import { createExcelHost } from '../../excel/createExcelHost';"],
    ['src/report/x.ts', "import { createExcelHost } from '../excel/createExcelHost';"],
    ['src/wps/x.ts', "export * from '../excel/host';"],
    ['src/cli/x.ts', "const w = require('../workbench/session');"],
  ])('refuses %s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([expect.stringContaining('may not import')]);
  });

  it('keeps core internals behind its index outside core, and not inside it', async () => {
    expect(await layerErrors('src/xlsx/x.ts', "import { parseA1 } from '../core/grid';")).toEqual([expect.stringContaining("through its index (`../core`)")]);
    expect(await layerErrors('src/core/checks/x.ts', "import { parseA1 } from '../grid';")).toEqual([]);
  });

  it('lets the pane’s entry wire in the Excel host, and the workbench import anything', async () => {
    expect(await layerErrors('src/taskpane/index.tsx', "import { createExcelHost } from '../excel/createExcelHost';")).toEqual([]);
    expect(await layerErrors('src/workbench/x.ts', "import { App } from '../taskpane/App';")).toEqual([]);
  });

  it('lets the pane’s WPS entry wire in the WPS host and the ribbon’s entry page the ribbon command, and nothing else', async () => {
    expect(await layerErrors('src/taskpane/wps.tsx', "import { createWpsHost } from '../wps/createWpsHost';\nimport { createSettingsStore } from '../app';")).toEqual([]);
    expect(await layerErrors('src/wps/addin/entry.ts', "import { fillWithNotice } from '../../commands/run';")).toEqual([]);
    for (const [file, code] of [
      ['src/wps/addin/entry.ts', "import { App } from '../../taskpane/App';"],
      ['src/taskpane/wps.tsx', "import { createExcelHost } from '../excel/createExcelHost';"],
      ['src/wps/addin/entry.ts', "import { HostProvider } from '../../taskpane/HostContext';"],
      ['src/wps/addin/other.ts', "import { App } from '../../taskpane/App';"],
      ['src/wps/read.ts', "import { runFill } from '../commands/run';"],
    ]) {
      expect(await layerErrors(file, code)).toEqual([expect.stringContaining('may not import')]);
    }
  });

  it('asks for a row in the table for a folder it does not know', async () => {
    expect(await layerErrors('src/newthing/x.ts', 'export const a = 1;')).toEqual([expect.stringContaining('src/newthing has no row')]);
  });
});
