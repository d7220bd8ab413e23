import * as zlib from 'zlib';
import { strToU8, zipSync } from 'fflate';

/** Reads one entry of a zip (stored or deflated) by walking the central directory. Test helper only. */
export function zipEntry(zip: Uint8Array, name: string): string | null {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const entry = b.toString('utf8', p + 46, p + 46 + nameLen);
    if (entry === name) {
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + size);
      return (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

/** A zip with stored (uncompressed) entries, e.g. a zip that is not an xlsx. Test helper only. */
export function storedZip(files: Record<string, string>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const n = Buffer.from(name, 'utf8');
    const crc = (zlib as { crc32?: (b: Buffer) => number }).crc32?.(data) ?? 0;
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(20, 4);
    l.writeUInt32LE(crc, 14);
    l.writeUInt32LE(data.length, 18);
    l.writeUInt32LE(data.length, 22);
    l.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(l, n, data);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(central.length / 2, 8);
  e.writeUInt16LE(central.length / 2, 10);
  e.writeUInt32LE(cd.length, 12);
  e.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, e]));
}

export interface Zip64Options {
  /** sizes in data descriptors after the data (8-byte sizes, with the signature), as a streaming writer does */
  descriptors?: boolean;
  /** the end record says "see the ZIP64 record" (0xFFFF, 0xFFFFFFFF) instead of holding the real numbers */
  eocdMagic?: boolean;
  /** an extra field of another kind before the ZIP64 one in each central record (an NTFS time, 0x000a) */
  otherExtra?: boolean;
}

/**
 * A zip in which every entry uses ZIP64 extended information, as commons-compress writes in its Zip64Mode.Always
 * (Apache POI's SXSSF can ask for it): 0xFFFFFFFF in the local and central size fields and the central offset, the
 * values in 8-byte fields of the 0x0001 extra field, a ZIP64 end record and its locator. Test helper only.
 */
export function zip64Zip(files: Record<string, Uint8Array>, o: Zip64Options = {}): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const u64 = (n: number): Buffer => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return b;
  };
  for (const [name, raw] of Object.entries(files)) {
    const data = Buffer.from(raw);
    const packed = zlib.deflateRawSync(data);
    const n = Buffer.from(name, 'utf8');
    const crc = (zlib as unknown as { crc32: (b: Buffer) => number }).crc32(data);
    const localExtra = Buffer.concat([Buffer.from([1, 0, 16, 0]), u64(o.descriptors ? 0 : data.length), u64(o.descriptors ? 0 : packed.length)]);
    const l = Buffer.alloc(30);
    l.writeUInt32LE(0x04034b50, 0);
    l.writeUInt16LE(45, 4);
    l.writeUInt16LE(o.descriptors ? 0x808 : 0x800, 6);
    l.writeUInt16LE(8, 8);
    l.writeUInt32LE(o.descriptors ? 0 : crc, 14);
    l.writeUInt32LE(0xffffffff, 18);
    l.writeUInt32LE(0xffffffff, 22);
    l.writeUInt16LE(n.length, 26);
    l.writeUInt16LE(localExtra.length, 28);
    const descriptor = o.descriptors ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x07, 0x08]), Buffer.alloc(4), u64(packed.length), u64(data.length)]) : Buffer.alloc(0);
    if (o.descriptors) descriptor.writeUInt32LE(crc, 4);
    const other = o.otherExtra ? Buffer.concat([Buffer.from([0x0a, 0, 32, 0]), Buffer.alloc(32, 7)]) : Buffer.alloc(0);
    const cdExtra = Buffer.concat([other, Buffer.from([1, 0, 24, 0]), u64(data.length), u64(packed.length), u64(offset)]);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(45, 4);
    c.writeUInt16LE(45, 6);
    c.writeUInt16LE(o.descriptors ? 0x808 : 0x800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(0xffffffff, 20);
    c.writeUInt32LE(0xffffffff, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt16LE(cdExtra.length, 30);
    c.writeUInt32LE(0xffffffff, 42);
    parts.push(l, n, localExtra, packed, descriptor);
    central.push(Buffer.concat([c, n, cdExtra]));
    offset += 30 + n.length + localExtra.length + packed.length + descriptor.length;
  }
  const cd = Buffer.concat(central);
  const count = central.length;
  const eocd64 = Buffer.alloc(56);
  eocd64.writeUInt32LE(0x06064b50, 0);
  eocd64.writeBigUInt64LE(44n, 4);
  eocd64.writeUInt16LE(45, 12);
  eocd64.writeUInt16LE(45, 14);
  eocd64.writeBigUInt64LE(BigInt(count), 24);
  eocd64.writeBigUInt64LE(BigInt(count), 32);
  eocd64.writeBigUInt64LE(BigInt(cd.length), 40);
  eocd64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(o.eocdMagic ? 0xffff : count, 8);
  e.writeUInt16LE(o.eocdMagic ? 0xffff : count, 10);
  e.writeUInt32LE(o.eocdMagic ? 0xffffffff : cd.length, 12);
  e.writeUInt32LE(o.eocdMagic ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, eocd64, locator, e]));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A minimal package as another writer might lay it out: `sheetXml` is the worksheet part's whole text; `stylesXml`,
 * when given, the styles part's. Test helper only.
 */
export function minimalBook(sheetXml: string, calcChain = false, stylesXml?: string): Uint8Array {
  const styles = stylesXml !== undefined;
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${calcChain ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' : ''}${styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${calcChain ? `<Relationship Id="rId9" Type="${REL}/calcChain" Target="calcChain.xml"/>` : ''}${styles ? `<Relationship Id="rId8" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    ...(calcChain ? { 'xl/calcChain.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><calcChain xmlns="${NS}"><c r="A2" i="1"/><c r="A3"/></calcChain>`) } : {}),
    ...(styles ? { 'xl/styles.xml': strToU8(stylesXml) } : {}),
  });
}
