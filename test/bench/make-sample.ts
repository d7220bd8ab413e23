/**
 * Writes assets/sample/sample-2021.xlsx, the project's own sample workbook (invented projects, deliberate faults;
 * see SAMPLE_FAULTS). Run: `npm run sample [-- OUT]`.
 */
import * as path from 'path';
import { buildSampleWorkbook } from './sample';

async function main(): Promise<void> {
  const out = process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'assets', 'sample', 'sample-2021.xlsx');
  await buildSampleWorkbook().xlsx.writeFile(out);
  process.stdout.write(`${out}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
