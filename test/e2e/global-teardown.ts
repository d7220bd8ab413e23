import fs from 'node:fs';
import { DIST_ENV } from './build';

export default function globalTeardown(): void {
  const dir = process.env[DIST_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
