import { existsSync } from 'fs';
import { join } from 'path';

/** `../shared` beside the checkout: present in CI and in the team's sessions, absent in a user's fresh clone. */
export const SHARED = join(__dirname, '..', '..', '..', 'shared');
export const SEED_XLSX = join(SHARED, 'fixtures', 'sheitc-2021.xlsx');
export const MANIFEST_SCHEMAS = join(SHARED, 'schemas', 'office-manifest');

/** `describe` that runs only when the shared file exists, and says why it does not otherwise. */
export function describeWithShared(path: string, name: string, fn: () => void): void {
  if (existsSync(path)) {
    describe(name, fn);
  } else {
    describe(name, () => {
      it.skip(`needs ${path} (../shared beside the checkout); not present in this clone`, () => undefined);
    });
  }
}

/** Whether the seed workbook is here (it is not in a fresh clone). */
export const SEED_PRESENT = existsSync(SEED_XLSX);
