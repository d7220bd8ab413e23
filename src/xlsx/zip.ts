import type * as Fflate from 'fflate';

let fflateModule: typeof Fflate | null = null;

/**
 * fflate, loaded when first needed: its module builds its Huffman tables as it loads (a 32,768-entry loop, about a
 * fifth of the CLI bundle's start-up), and reading ordinary parts with Node's zlib never needs it.
 */
function fflate(): typeof Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (fflateModule ??= require('fflate') as typeof Fflate);
}

/** One entry of a zip's central directory, as declared there (sizes are claims until inflated). */
export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** the size the central directory declares once inflated */
  readonly size: number;
  readonly localOffset: number;
  /** start and end of this entry's central directory record in the package */
  readonly cdStart: number;
  readonly cdEnd: number;
  /**
   * Where the record's ZIP64 extended information is (its header included, relative to `cdStart`), and where in it
   * the local header's offset is, when the record keeps sizes or the offset there; null otherwise.
   */
  readonly zip64: { readonly start: number; readonly end: number; readonly offsetAt: number | null } | null;
}

export interface ZipPackage {
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
  /** lower-case part name (no leading `/`) → entry: part names are case-insensitive */
  readonly byName: ReadonlyMap<string, ZipEntry>;
  /** the archive comment bytes after the end-of-central-directory record */
  readonly comment: Uint8Array;
}

/** The package is not a zip that can be read (truncated, garbled, encrypted entries, an unknown method). */
export class ZipFormatError extends Error {}

/** A part inflates (or declares it inflates) past a limit. */
export class ZipSizeError extends Error {
  constructor(readonly part: string, readonly size: number, readonly limit: number) {
    super(`${part}: ${size} > ${limit}`);
  }
}

const EOCD_SIG = 0x06054b50;
const EOCD64_SIG = 0x06064b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const UNKNOWN_16 = 0xffff;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const DESCRIPTOR_SIG = 0x08074b50;
const UNKNOWN_32 = 0xffffffff;

const u16 = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number): number => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
/** An 8-byte little-endian number; past 2^53 it is not exact, and no part within the limits comes near. */
const u64 = (b: Uint8Array, p: number): number => u32(b, p) + u32(b, p + 4) * 0x100000000;
const utf8 = new TextDecoder('utf-8');

/**
 * Where the central directory is and how many records it has: from the end record, or, where that says "see the
 * ZIP64 record" (0xFFFF records, 0xFFFFFFFF size or offset), from the ZIP64 end record its locator points to
 * (APPNOTE.TXT 4.3.14–4.3.15; commons-compress writes them always in its Zip64Mode.Always, as Apache POI can).
 */
function centralDirectory(bytes: Uint8Array, eocd: number): { count: number; size: number; offset: number; end: number } {
  const classic = { count: u16(bytes, eocd + 10), size: u32(bytes, eocd + 12), offset: u32(bytes, eocd + 16), end: eocd };
  if (classic.count !== UNKNOWN_16 && classic.size !== UNKNOWN_32 && classic.offset !== UNKNOWN_32) return classic;
  const locator = eocd - 20;
  if (locator < 0 || u32(bytes, locator) !== EOCD64_LOCATOR_SIG) return classic;
  const at = u64(bytes, locator + 8);
  if (at + 56 > locator || u32(bytes, at) !== EOCD64_SIG) throw new ZipFormatError('bad ZIP64 end of central directory');
  return { count: u64(bytes, at + 32), size: u64(bytes, at + 40), offset: u64(bytes, at + 48), end: at };
}

/**
 * A central directory record's ZIP64 extended information (APPNOTE.TXT 4.5.3): an 8-byte value for each of the
 * uncompressed size, compressed size and local header offset whose 4-byte field holds 0xFFFFFFFF, in that order.
 */
function zip64Info(bytes: Uint8Array, p: number, nameLen: number, fixed: { size: number; compressedSize: number; localOffset: number }): Pick<ZipEntry, 'size' | 'compressedSize' | 'localOffset' | 'zip64'> {
  const wanted = [fixed.size, fixed.compressedSize, fixed.localOffset].filter((v) => v === UNKNOWN_32).length;
  if (wanted === 0) return { ...fixed, zip64: null };
  const extraEnd = p + 46 + nameLen + u16(bytes, p + 30);
  for (let x = p + 46 + nameLen; x + 4 <= extraEnd; x += 4 + u16(bytes, x + 2)) {
    if (u16(bytes, x) !== ZIP64_EXTRA) continue;
    const len = u16(bytes, x + 2);
    if (len < wanted * 8 || x + 4 + len > extraEnd) break;
    let at = x + 4;
    const take = (v: number): number => {
      if (v !== UNKNOWN_32) return v;
      at += 8;
      return u64(bytes, at - 8);
    };
    const size = take(fixed.size);
    const compressedSize = take(fixed.compressedSize);
    const offsetAt = fixed.localOffset === UNKNOWN_32 ? at - p : null;
    const localOffset = take(fixed.localOffset);
    return { size, compressedSize, localOffset, zip64: { start: x - p, end: x + 4 + len - p, offsetAt } };
  }
  throw new ZipFormatError('a ZIP64 size or offset without its extended information');
}

/** Reads the central directory: names, methods and declared sizes, nothing inflated. */
export function openZip(bytes: Uint8Array): ZipPackage {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (u32(bytes, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  const cd = centralDirectory(bytes, eocd);
  const count = cd.count;
  let p = cd.offset;
  if (p + cd.size > cd.end) throw new ZipFormatError('central directory out of bounds');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CD_SIG) throw new ZipFormatError('bad central directory record');
    const nameLen = u16(bytes, p + 28);
    const end = p + 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
    if (end > bytes.length) throw new ZipFormatError('bad central directory record');
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      ...zip64Info(bytes, p, nameLen, { compressedSize: u32(bytes, p + 20), size: u32(bytes, p + 24), localOffset: u32(bytes, p + 42) }),
      cdStart: p,
      cdEnd: end,
    };
    entries.push(entry);
    // some zip tools on Windows write `xl\worksheets\sheet1.xml` (APPNOTE.TXT 4.4.17.1 asks for forward slashes)
    const key = entry.name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();
    // part names are case-insensitive and a package holds each once (ECMA-376 Part 2, Part Name Equivalence, [M1.12]): with two
    // `sheet1.xml`, this reader and Excel could show different cells, so the package is refused as damaged
    if (byName.has(key) && !key.endsWith('/')) throw new ZipFormatError(`two parts named ${key}`);
    byName.set(key, entry);
    p = end;
  }
  const commentLen = u16(bytes, eocd + 20);
  return { bytes, entries, byName, comment: bytes.subarray(eocd + 22, eocd + 22 + commentLen) };
}

/** Whether a local header carries ZIP64 extended information (its data descriptor then has 8-byte sizes). */
function localZip64(b: Uint8Array, p: number): boolean {
  const start = p + 30 + u16(b, p + 26);
  const end = Math.min(b.length, start + u16(b, p + 28));
  for (let x = start; x + 4 <= end; x += 4 + u16(b, x + 2)) if (u16(b, x) === ZIP64_EXTRA) return true;
  return false;
}

/** The entry's compressed bytes as stored after its local header. */
function rawData(zip: ZipPackage, e: ZipEntry): Uint8Array {
  const b = zip.bytes;
  const p = e.localOffset;
  if (p + 30 > b.length || u32(b, p) !== LOCAL_SIG) throw new ZipFormatError(`bad local header: ${e.name}`);
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + e.compressedSize > b.length) throw new ZipFormatError(`truncated: ${e.name}`);
  return b.subarray(start, start + e.compressedSize);
}

/**
 * Inflates one entry in chunks, refusing before any work when the declared size passes `limit`, and stopping as
 * soon as the real output passes the declared size (a zip that lies about its sizes). `onChunk` receives the output
 * as it comes; without it the chunks are joined and returned.
 */
export function inflateEntry(zip: ZipPackage, e: ZipEntry, limit: number, onChunk?: (chunk: Uint8Array) => void): Uint8Array {
  if (e.flags & 1) throw new ZipFormatError(`encrypted entry: ${e.name}`);
  if (e.size === UNKNOWN_32 || e.compressedSize === UNKNOWN_32) throw new ZipSizeError(e.name, Infinity, limit);
  if (e.size > limit) throw new ZipSizeError(e.name, e.size, limit);
  const raw = rawData(zip, e);
  const chunks: Uint8Array[] = [];
  const emit = onChunk ?? ((c: Uint8Array) => chunks.push(c));
  if (e.method === 0) {
    if (raw.length !== e.size) throw new ZipFormatError(`stored size mismatch: ${e.name}`);
    emit(raw);
    return onChunk ? new Uint8Array(0) : raw;
  }
  if (e.method !== 8) throw new ZipFormatError(`unsupported method ${e.method}: ${e.name}`);
  // a large part given in chunks is inflated in steps, so that it is never held whole
  const zlib = onChunk && e.size > NATIVE_MAX ? null : nodeZlib();
  if (zlib) return inflateNative(zlib, e, raw, onChunk);
  let total = 0;
  let failure: { error: unknown } | null = null;
  const inflater = new (fflate().Inflate)((chunk) => {
    total += chunk.length;
    try {
      if (total > e.size) throw new ZipSizeError(e.name, total, e.size);
      emit(chunk);
    } catch (error) {
      failure = { error };
      throw error;
    }
  });
  // deflate reaches ~1000:1: a 16 KiB step inflates at most ~16 MB before the size check sees it
  const STEP = 1 << 14;
  try {
    for (let i = 0; i < raw.length; i += STEP) inflater.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
    if (raw.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (failure) throw (failure as { error: unknown }).error;
    throw new ZipFormatError(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (total !== e.size) throw new ZipFormatError(`size mismatch: ${e.name}`);
  if (onChunk) return new Uint8Array(0);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const NATIVE_MAX = 16 * 1024 * 1024;

interface ZlibLike {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number; chunkSize: number }): Uint8Array;
}

/** Node's zlib when running in Node (the CLI): native, and it stops at `maxOutputLength`. The browser has none. */
function nodeZlib(): ZlibLike | null {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (p?.getBuiltinModule?.('zlib') as ZlibLike | undefined) ?? null;
}

function inflateNative(zlib: ZlibLike, e: ZipEntry, raw: Uint8Array, onChunk?: (chunk: Uint8Array) => void): Uint8Array {
  let out: Uint8Array;
  try {
    // one output buffer of the declared size (and a byte to see the end): Node's default is 16 KB buffers joined
    // afterwards, and most parts are far smaller (a 200-sheet workbook inflated in 15 ms instead of 19). 64 is
    // zlib.constants.Z_MIN_CHUNK; a part that inflates past its declared size still stops at maxOutputLength.
    out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1), chunkSize: Math.max(e.size + 1, 64) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipSizeError(e.name, e.size + 1, e.size);
    throw new ZipFormatError(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (out.length !== e.size) throw new ZipFormatError(`size mismatch: ${e.name}`);
  if (!onChunk) return out;
  const STEP = 1 << 20;
  for (let i = 0; i < out.length; i += STEP) onChunk(out.subarray(i, i + STEP));
  return new Uint8Array(0);
}

let CRC_TABLE: Uint32Array | null = null;

function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class Out {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

function le(n: number, size: 2 | 4 | 8): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = Math.floor(n / 2 ** (8 * i)) & 0xff;
  return b;
}

function patch(b: Uint8Array, at: number, n: number, size: 2 | 4 | 8): void {
  b.set(le(n, size), at);
}

/**
 * A copy of the package with some parts replaced and some removed. Every other entry keeps its local header,
 * compressed bytes, data descriptor and central directory record byte for byte (only its offset moves).
 */
export function rewriteZip(zip: ZipPackage, replace: ReadonlyMap<ZipEntry, Uint8Array>, remove: ReadonlySet<ZipEntry> = new Set()): Uint8Array {
  const b = zip.bytes;
  const out = new Out();
  const central = new Out();
  let count = 0;
  for (const e of zip.entries) {
    if (remove.has(e)) continue;
    const offset = out.length;
    const record = b.slice(e.cdStart, e.cdEnd);
    const data = replace.get(e);
    if (data) {
      const compressed = fflate().deflateSync(data, { level: 6 });
      const name = b.subarray(e.cdStart + 46, e.cdStart + 46 + u16(b, e.cdStart + 28));
      const flags = e.flags & ~0x8;
      const crc = crc32(data);
      const local = new Uint8Array(30 + name.length);
      patch(local, 0, LOCAL_SIG, 4);
      patch(local, 4, 20, 2);
      patch(local, 6, flags, 2);
      patch(local, 8, 8, 2);
      local.set(b.subarray(e.cdStart + 12, e.cdStart + 16), 10);
      patch(local, 14, crc, 4);
      patch(local, 18, compressed.length, 4);
      patch(local, 22, data.length, 4);
      patch(local, 26, name.length, 2);
      local.set(name, 30);
      out.push(local);
      out.push(compressed);
      patch(record, 8, flags, 2);
      patch(record, 10, 8, 2);
      patch(record, 16, crc, 4);
      patch(record, 20, compressed.length, 4);
      patch(record, 24, data.length, 4);
    } else {
      const raw = rawData(zip, e);
      let end = raw.byteOffset - b.byteOffset + raw.length;
      // a data descriptor: CRC and the two sizes, 8 bytes each when the local header has ZIP64 information
      // (APPNOTE.TXT 4.3.9), after an optional signature
      if (e.flags & 0x8) end += (end + 4 <= b.length && u32(b, end) === DESCRIPTOR_SIG ? 4 : 0) + (localZip64(b, e.localOffset) ? 20 : 12);
      out.push(b.subarray(e.localOffset, end));
    }
    if (data && e.zip64) {
      // the new sizes and offset fit the record's own fields: its ZIP64 information goes (the other extra fields stay)
      const fixed = new Uint8Array(record.length - (e.zip64.end - e.zip64.start));
      fixed.set(record.subarray(0, e.zip64.start));
      fixed.set(record.subarray(e.zip64.end), e.zip64.start);
      patch(fixed, 30, u16(record, 30) - (e.zip64.end - e.zip64.start), 2);
      patch(fixed, 42, offset, 4);
      central.push(fixed);
    } else {
      if (e.zip64?.offsetAt != null) patch(record, e.zip64.offsetAt, offset, 8);
      else patch(record, 42, offset, 4);
      central.push(record);
    }
    count++;
  }
  const cdOffset = out.length;
  const cd = central.bytes();
  out.push(cd);
  if (zip.entries.some((e) => e.zip64 && !remove.has(e) && !replace.has(e))) {
    // records that keep ZIP64 information get a ZIP64 end record and its locator too: some readers (fflate) look
    // for the information only when the package has one (APPNOTE.TXT 4.3.14–4.3.15)
    const at = out.length;
    const eocd64 = new Uint8Array(56);
    patch(eocd64, 0, EOCD64_SIG, 4);
    patch(eocd64, 4, 44, 8);
    patch(eocd64, 12, 45, 2);
    patch(eocd64, 14, 45, 2);
    patch(eocd64, 24, count, 8);
    patch(eocd64, 32, count, 8);
    patch(eocd64, 40, cd.length, 8);
    patch(eocd64, 48, cdOffset, 8);
    out.push(eocd64);
    const locator = new Uint8Array(20);
    patch(locator, 0, EOCD64_LOCATOR_SIG, 4);
    patch(locator, 8, at, 8);
    patch(locator, 16, 1, 4);
    out.push(locator);
  }
  const eocd = new Uint8Array(22);
  patch(eocd, 0, EOCD_SIG, 4);
  patch(eocd, 8, count, 2);
  patch(eocd, 10, count, 2);
  patch(eocd, 12, cd.length, 4);
  patch(eocd, 16, cdOffset, 4);
  patch(eocd, 20, zip.comment.length, 2);
  out.push(eocd);
  out.push(zip.comment);
  return out.bytes();
}
