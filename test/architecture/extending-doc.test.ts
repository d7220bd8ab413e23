import { existsSync, readFileSync } from 'fs';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const DOC = 'docs/extending.md';

/** Every repository path docs/extending.md names in backticks (`src/…`, `test/…`, `scripts/…`, `docs/…`). */
function namedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`((?:src|test|scripts|docs)\/[^`\s]*)`/g)) {
    if (!m[1].includes('<')) out.add(m[1]);
  }
  return [...out];
}

describe('docs/extending.md names the files as the code stands', () => {
  const paths = namedPaths(readFileSync(path.join(ROOT, DOC), 'utf8'));

  it('names the files of every checklist', () => {
    expect(paths).toEqual(expect.arrayContaining([
      'src/core/values/signs.ts', 'src/core/findings.ts', 'src/core/checks/index.ts', 'src/core/rules/ruleSets.ts',
      'test/fixtures/forms.ts', 'src/host/index.ts', 'scripts/eslint-layers.js',
    ]));
  });

  it('every path it names exists', () => {
    expect(paths.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it('catches a path that does not exist', () => {
    expect(namedPaths('see `src/core/nowhere.ts` and `src/<host>/`')).toEqual(['src/core/nowhere.ts']);
  });
});
