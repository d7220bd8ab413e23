/** How the workbench shows a cell: a small subset of Excel's number formats (percent, thousands, decimals). */
export function displayValue(value: string | number | boolean, format: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const section = format.split(';')[0] ?? 'General';
  const decimals = (/0\.(0+)/.exec(section)?.[1].length ?? null);
  if (section.includes('%')) {
    return `${trim(value * 100, decimals ?? 0)}%`;
  }
  if (section.includes('#,##0') || section.includes('#,###')) {
    return (decimals === null ? Math.round(value) : value).toLocaleString('en-US', {
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 0,
    });
  }
  if (decimals !== null) return value.toFixed(decimals);
  return trim(value, null);
}

/** A float without binary noise: 0.1 + 0.2 shows as 0.3. */
function trim(v: number, decimals: number | null): string {
  if (decimals !== null) return v.toFixed(decimals);
  return String(Number(v.toPrecision(15)));
}
