import { readdir as readdirCallback, readFileSync } from 'fs';
import { promisify } from 'util';

// The reads a check makes. A folder's listing is a promise over fs's callback: `fs.promises` loads Node's readline
// internals the first time it is touched (about 2 ms of a check's start-up). fill's writes keep fs.promises (file
// handles).
export const readdir = promisify(readdirCallback);

/**
 * A file's bytes, read synchronously, as a plain Uint8Array over the Buffer's memory: `new Uint8Array(buffer)` would
 * copy them, and a Buffer's `slice` is a view where Uint8Array's is a copy. The main thread and the pile's workers
 * read this way: a worker has nothing else to do meanwhile, and an asynchronous read is four trips through libuv's
 * pool (open, fstat, read, close).
 */
export function readBytesSync(file: string): Uint8Array {
  const b = readFileSync(file);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
