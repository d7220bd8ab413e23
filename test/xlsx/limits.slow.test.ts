/** The zip bombs that inflate 50 MB each (seconds under load): `npm run test:slow`. */
import { deflateSync } from 'fflate';
import { readWorkbook } from '../../src/xlsx/read';
import { lyingBomb, refusal, twoSheets } from './zip-bombs';

describe('compression bombs are refused while inflating', () => {
  it('stops inflating a part whose real size passes what it declares (a zip that lies)', async () => {
    const real = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    expect(deflateSync(real).length).toBeLessThan(100_000);
    const bomb = lyingBomb(await twoSheets(), 'xl/worksheets/sheet1.xml', real, 4096);
    const e = refusal(() => readWorkbook(bomb));
    expect(e.kind).toBe('tooLarge');
  });

  it('stops a large part that lies too, inflated in steps (parts over 16 MB are never held whole)', async () => {
    const real = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    const bomb = lyingBomb(await twoSheets(), 'xl/worksheets/sheet1.xml', real, 17 * 1024 * 1024);
    expect(refusal(() => readWorkbook(bomb)).kind).toBe('tooLarge');
  });
});
