/**
 * Part of `npm run bench`: time and peak memory (max RSS) of the built CLI refusing hostile workbooks, each built
 * here: a part declaring 2 GB, a part that lies about its size (50 MB of spaces declared as 4 KB), and a sheet of
 * 1 000 000 rows × 3 columns (past the 2 000 000-cell limit). Goal (issue 10): any bomb refused in under 5 s and
 * 300 MB. Prints figures, asserts nothing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { openZip, rewriteZip } from '../../src/xlsx/zip';

const CLI = path.join(__dirname, '..', '..', 'src', 'cli', 'main.js');

function workbook(sheetXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  });
}

const SHEET = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';

function patchSize(data: Uint8Array, part: string, size: number, local: boolean): Uint8Array {
  const out = data.slice();
  const e = openZip(out).byName.get(part);
  if (!e) throw new Error(part);
  const view = new DataView(out.buffer, out.byteOffset);
  view.setUint32(e.cdStart + 24, size, true);
  if (local) view.setUint32(e.localOffset + 22, size, true);
  return out;
}

function hugeSheet(rows: number): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>2</v></c><c r="C${r}"><v>3</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

function measure(file: string, hook: string): { ms: number; rssMb: number; status: number | null; stderr: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, CLI, 'check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /maxrss=(\d+)/.exec(r.stderr);
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN, status: r.status, stderr: r.stderr.replace(/maxrss=\d+\n?/, '').trim() };
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ziping-hostile-'));
  const hook = path.join(dir, 'rss.js');
  // VmHWM: the peak of this process's own memory (getrusage's maxRSS keeps the spawning parent's peak across exec)
  fs.writeFileSync(hook, "process.on('exit',()=>{const m=/VmHWM:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'));process.stderr.write('maxrss='+(m?m[1]:process.resourceUsage().maxRSS)+'\\n')});");
  try {
    const base = workbook(SHEET);
    const lying = (() => {
      const zip = openZip(base);
      const e = zip.byName.get('xl/worksheets/sheet1.xml');
      if (!e) throw new Error('sheet');
      return patchSize(rewriteZip(zip, new Map([[e, new Uint8Array(50 * 1024 * 1024).fill(0x20)]])), 'xl/worksheets/sheet1.xml', 4096, true);
    })();
    const cases: [string, Uint8Array][] = [
      ['declares 2 GB', patchSize(base, 'xl/worksheets/sheet1.xml', 2 ** 31, false)],
      ['lies: 50 MB declared 4 KB', lying],
      ['1 000 000 rows × 3 columns', workbook(hugeSheet(1_000_000))],
    ];
    const rows = cases.map(([name, data]) => {
      const file = path.join(dir, 'hostile.xlsx');
      fs.writeFileSync(file, data);
      const m = measure(file, hook);
      return `${name.padEnd(28)}  ${`${(data.length / 1024).toFixed(0)} KiB`.padStart(9)}  ${`${m.ms.toFixed(0)} ms`.padStart(8)}  ${`${m.rssMb.toFixed(0)} MB`.padStart(7)}  exit ${m.status}  ${m.stderr.split('\n')[0].slice(0, 90)}`;
    });
    process.stdout.write(`\nHostile workbooks — the built CLI's \`check\`, time and peak memory (goal: refused in < 5 s and < 300 MB)\n${rows.join('\n')}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
