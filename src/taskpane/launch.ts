/** The ribbon's 校验 button opens `taskpane.html?autorun=validate` (see manifest.xml): run the check on open. */
export function autoRunRequested(search: string): boolean {
  return new URLSearchParams(search).get('autorun') === 'validate';
}
