/** The next version: an explicit x.y.z greater than current, or patch | minor | major. Throws otherwise. */
export function nextVersion(current: string, spec: string): string;
/** Sets the single <Version> element to `${version}.0`. */
export function setManifestVersion(xml: string, version: string): string;
/** Inserts "## [version] - date" right under "## [Unreleased]" (or before the first release heading). */
export function insertChangelogHeading(text: string, version: string, date: string): string;
/** Updates package.json, package-lock.json, manifest.xml and CHANGELOG.md under root; writes only if all succeed. */
export function bumpVersion(options: { root?: string; spec: string; date?: string }): { from: string; to: string; files: string[] };
