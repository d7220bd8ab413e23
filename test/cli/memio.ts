import * as path from 'path';
import { OutputRefused } from '../../src/cli/output';
import type { CliIo } from '../../src/cli/run';

export interface MemIo extends CliIo {
  files: Map<string, Uint8Array>;
  out: string;
  err: string;
}

/** An in-memory file system for `run`: paths are resolved against `/mem`. */
export function memIo(files: Record<string, Uint8Array> = {}): MemIo {
  const key = (f: string): string => path.posix.resolve('/mem', f);
  const io: MemIo = {
    files: new Map(Object.entries(files).map(([k, v]) => [key(k), v])),
    out: '',
    err: '',
    stdout: (s) => {
      io.out += s;
    },
    stderr: (s) => {
      io.err += s;
    },
    readFile: async (f) => {
      const b = io.files.get(key(f));
      if (!b) throw Object.assign(new Error(`ENOENT: ${f}`), { code: 'ENOENT' });
      return b;
    },
    writeFile: async (f, data, force) => {
      await io.checkOutput(f, force);
      io.files.set(key(f), data);
    },
    checkOutput: async (f, force) => {
      if (io.files.has(key(f)) && !force) throw new OutputRefused('exists');
    },
    sameFile: async (a, b) => key(a) === key(b),
  };
  return io;
}
