/**
 * Characters a terminal may act on instead of showing: C0 controls but the line feed (ESC starts colour, cursor and
 * title sequences; CR and BS overwrite what was printed), DEL, C1 controls (U+009B is a one-byte CSI to some
 * terminals) and the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which reorder
 * what follows them on screen. Sheet text can hold any of them (`_x001B_` in the XML is an ESC).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Whether the text holds a character of {@link UNSAFE}: `test` with a non-global copy scans a megabyte report in
 * about a millisecond, where `replace` with a function took tens even when it found nothing.
 */
const UNSAFE_ONE = new RegExp(UNSAFE.source);
function hasUnsafe(text: string): boolean {
  return UNSAFE_ONE.test(text);
}

/** Text for the terminal: every unsafe character shown as its `\u001b` escape; line feeds kept. */
export function terminalSafe(text: string): string {
  return hasUnsafe(text) ? text.replace(UNSAFE, escaped) : text;
}

/**
 * JSON text whose strings carry no unsafe character raw: JSON.stringify escapes U+0000–001F already; DEL, the C1
 * controls and the bidirectional controls are escaped the same way (`\u009b`), which parses to the same value.
 * Outside strings JSON.stringify writes only spaces and line feeds, so the replacement touches strings only.
 */
export function jsonSafe(json: string): string {
  return hasUnsafe(json) ? json.replace(UNSAFE, escaped) : json;
}
