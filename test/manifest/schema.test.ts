import { renderManifest } from '../../scripts/manifest';
import { PRODUCTION_BASE, SCHEMA_SKIP_MESSAGE, readManifest, schemasPresent, validateAgainstSchema } from './support';

const haveSchemas = schemasPresent();
if (!haveSchemas) console.warn(SCHEMA_SKIP_MESSAGE);
const withSchemas = haveSchemas ? describe : describe.skip;

withSchemas('manifest.xml against the Office add-in manifest XSD 1.1 (xmllint-wasm)', () => {
  jest.setTimeout(60_000);

  it('the dev manifest is schema-valid', async () => {
    const result = await validateAgainstSchema(readManifest());
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the production manifest for an HTTPS base is schema-valid', async () => {
    const result = await validateAgainstSchema(renderManifest(readManifest(), PRODUCTION_BASE), 'dist-manifest.xml');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validator rejects what the schema forbids (wrong Permissions, missing Id)', async () => {
    const bad = readManifest()
      .replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>')
      .replace(/<Id>[^<]*<\/Id>\s*/, '');
    const result = await validateAgainstSchema(bad, 'bad-manifest.xml');
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Permissions|Id/);
  });
});
