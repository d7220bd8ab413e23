/** The dev server base that manifest.xml uses for every URL. */
export const DEV_BASE_URL: 'https://localhost:3000/';
export const EXAMPLE_BASE_URL: string;
/** Returns the base URL normalised; throws unless it is https, ends with "/" and has no credentials, query or fragment. */
export function checkBaseUrl(baseUrl: string): string;
/** ADDIN_BASE_URL from env, checked; throws a message that says how to set it. */
export function requireBaseUrl(env?: Record<string, string | undefined>): string;
/** Throws when the manifest refers to localhost, 127.0.0.1, 0.0.0.0 or [::1]. */
export function assertNoLocalhost(xml: string): void;
/** The manifest with every https://localhost:3000/ replaced by baseUrl, comments dropped. */
export function renderManifest(xmlText: string, baseUrl: string): string;
