import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.join(__dirname, '..', '..');
export const MANIFEST_PATH = path.join(REPO_ROOT, 'manifest.xml');
export const SCHEMA_DIR = path.join(REPO_ROOT, '..', 'shared', 'schemas', 'office-manifest');
export const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';
export const PRODUCTION_BASE = 'https://addins.example.gov.cn/ziping/';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export function readManifest(): string {
  return fs.readFileSync(MANIFEST_PATH, 'utf8');
}

export function schemasPresent(): boolean {
  return fs.existsSync(path.join(SCHEMA_DIR, MAIN_XSD));
}

export const SCHEMA_SKIP_MESSAGE =
  `Skipping the XSD check: ${SCHEMA_DIR} is absent (a fresh clone has no ../shared). ` +
  'The other manifest checks still run.';

export interface SchemaResult {
  valid: boolean;
  errors: string[];
}

/** Validates against the Office manifest XSDs with xmllint-wasm. Call only when schemasPresent(). */
export async function validateAgainstSchema(xml: string, fileName = 'manifest.xml'): Promise<SchemaResult> {
  const { validateXML } = await import('xmllint-wasm');
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [read(MAIN_XSD)],
    preload: files.filter((f) => f !== MAIN_XSD).map(read),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
