import { buildPages, DIST_ENV } from './build';

/** Builds the pages once for every browser test file. */
export default function globalSetup(): void {
  process.env[DIST_ENV] = buildPages();
}
