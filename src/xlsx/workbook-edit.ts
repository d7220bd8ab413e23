import { builtinFormat } from './package';
import { escapeXml, parseAttrs } from './sheet-edit';

/** The workbook part with `fullCalcOnLoad="1"` on its `<calcPr>` (added where the schema puts it when absent). */
export function withFullCalcOnLoad(xml: string): string {
  const calc = /<([\w.-]+:)?calcPr(?=[\s/>])[^>]*?(\/?)>/.exec(xml);
  if (calc) {
    const tag = calc[0];
    const updated = /\sfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/.test(tag)
      ? tag.replace(/(\sfullCalcOnLoad\s*=\s*)("[^"]*"|'[^']*')/, '$1"1"')
      : tag.replace(/\s*(\/?)>$/, ' fullCalcOnLoad="1"$1>');
    return xml.slice(0, calc.index) + updated + xml.slice(calc.index + tag.length);
  }
  const prefix = /<([\w.-]+:)?workbook(?=[\s>])/.exec(xml)?.[1] ?? '';
  const after = /<([\w.-]+:)?(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)(?=[\s/>])/.exec(xml);
  const at = after ? after.index : xml.lastIndexOf(`</${prefix}workbook>`);
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/** A relationships part without the relationships whose type matches. */
export function withoutRelationships(xml: string, type: RegExp): string {
  return xml.replace(/<([\w.-]+:)?Relationship(?=[\s/>])[^>]*?(\/>|>[\s\S]*?<\/([\w.-]+:)?Relationship>)/g, (el) => {
    const a = parseAttrs(/^<[^>]*/.exec(el)?.[0] ?? '');
    return type.test(a.Type ?? '') ? '' : el;
  });
}

/** [Content_Types].xml without the override of one part. */
export function withoutOverride(xml: string, part: string): string {
  const name = `/${part.replace(/^\//, '')}`.toLowerCase();
  return xml.replace(/<([\w.-]+:)?Override(?=[\s/>])[^>]*?\/>/g, (el) => ((parseAttrs(el).PartName ?? '').toLowerCase() === name ? '' : el));
}

const XF = /<([\w.-]+:)?xf(?=[\s/>])[^>]*?(\/>|>[\s\S]*?<\/([\w.-]+:)?xf>)/g;

/**
 * Adds cell styles to a styles part: each a copy of an existing `cellXfs` entry with another number format. Keeps
 * every existing record (and so every index) as it was.
 */
export class StylesEditor {
  private xml: string;
  private readonly added = new Map<string, number>();
  private readonly newXfs: string[] = [];
  private readonly newFmts: string[] = [];
  private readonly fmtIds = new Map<string, number>();
  private nextFmtId = 164;
  private readonly xfs: string[];
  private readonly prefix: string;

  constructor(xml: string) {
    this.xml = xml;
    this.prefix = /<([\w.-]+:)?styleSheet(?=[\s>])/.exec(xml)?.[1] ?? '';
    const declared = this.section('numFmts');
    for (const m of xml.matchAll(/<([\w.-]+:)?numFmt(?=[\s/>])[^>]*?\/?>/g)) {
      const a = parseAttrs(m[0]);
      const id = Number(a.numFmtId);
      if (!Number.isInteger(id)) continue;
      // formats of conditional formats (dxfs) take ids too, but only those under numFmts serve cell styles
      const inNumFmts = declared !== null && m.index >= declared.openEnd && m.index < declared.closeStart;
      if (inNumFmts && a.formatCode !== undefined && !this.fmtIds.has(a.formatCode)) this.fmtIds.set(a.formatCode, id);
      this.nextFmtId = Math.max(this.nextFmtId, id + 1);
    }
    const xfs = this.section('cellXfs');
    this.xfs = xfs ? [...xml.slice(xfs.openEnd, xfs.closeStart).matchAll(XF)].map((m) => m[0]) : [];
  }

  private section(name: string): { start: number; openEnd: number; closeStart: number; end: number } | null {
    const open = new RegExp(`<([\\w.-]+:)?${name}(?=[\\s/>])[^>]*?(/?)>`).exec(this.xml);
    if (!open) return null;
    const openEnd = open.index + open[0].length;
    if (open[2]) return { start: open.index, openEnd, closeStart: openEnd, end: openEnd };
    const close = this.xml.indexOf(`</${open[1] ?? ''}${name}>`, openEnd);
    if (close < 0) return null;
    return { start: open.index, openEnd, closeStart: close, end: close + name.length + 3 + (open[1] ?? '').length };
  }

  private formatId(code: string): number {
    for (let id = 0; id < 50; id++) if (builtinFormat(id) === code) return id;
    const known = this.fmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFmtId++;
    this.fmtIds.set(code, id);
    this.newFmts.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The style index for a cell of style `s` shown with the number format `code`; null when there is no such style. */
  styleWith(s: number, code: string): number | null {
    const key = `${s}\u0000${code}`;
    const done = this.added.get(key);
    if (done !== undefined) return done;
    const base = this.xfs[s] ?? this.xfs[0];
    if (base === undefined) return null;
    const id = this.formatId(code);
    const open = /^<[^>]*?(\/?)>/.exec(base)?.[0] ?? '';
    let tag = /\snumFmtId\s*=/.test(open) ? open.replace(/(\snumFmtId\s*=\s*)("[^"]*"|'[^']*')/, `$1"${id}"`) : open.replace(/\s*(\/?)>$/, ` numFmtId="${id}"$1>`);
    tag = /\sapplyNumberFormat\s*=/.test(tag) ? tag.replace(/(\sapplyNumberFormat\s*=\s*)("[^"]*"|'[^']*')/, '$1"1"') : tag.replace(/\s*(\/?)>$/, ' applyNumberFormat="1"$1>');
    const index = this.xfs.length + this.newXfs.length;
    this.newXfs.push(tag + base.slice(open.length));
    this.added.set(key, index);
    return index;
  }

  /** The styles part with the added records, or null when nothing was added. */
  result(): string | null {
    if (this.newXfs.length === 0) return null;
    let xml = this.xml;
    const setCount = (s: string, n: number): string => (/\scount\s*=/.test(s) ? s.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, `$1"${n}"`) : s.replace(/\s*(\/?)>$/, ` count="${n}"$1>`));
    const xfs = this.section('cellXfs');
    if (!xfs) return null;
    const openTag = xml.slice(xfs.start, xfs.openEnd);
    const selfClosing = openTag.endsWith('/>');
    const newOpen = setCount(selfClosing ? openTag.replace(/\s*\/>$/, '>') : openTag, this.xfs.length + this.newXfs.length);
    xml = xml.slice(0, xfs.start) + newOpen + xml.slice(xfs.openEnd, xfs.closeStart) + this.newXfs.join('')
      + (selfClosing ? `</${this.prefix}cellXfs>` : '') + xml.slice(xfs.closeStart);
    if (this.newFmts.length > 0) {
      this.xml = xml;
      const fmts = this.section('numFmts');
      if (fmts) {
        const open = xml.slice(fmts.start, fmts.openEnd);
        const closing = open.endsWith('/>');
        const count = [...xml.slice(fmts.openEnd, fmts.closeStart).matchAll(/<([\w.-]+:)?numFmt(?=[\s/>])/g)].length + this.newFmts.length;
        xml = xml.slice(0, fmts.start) + setCount(closing ? open.replace(/\s*\/>$/, '>') : open, count) + xml.slice(fmts.openEnd, fmts.closeStart)
          + this.newFmts.join('') + (closing ? `</${this.prefix}numFmts>` : '') + xml.slice(fmts.closeStart);
      } else {
        const root = /<([\w.-]+:)?styleSheet(?=[\s>])[^>]*>/.exec(xml);
        if (!root) return null;
        const at = root.index + root[0].length;
        xml = `${xml.slice(0, at)}<${this.prefix}numFmts count="${this.newFmts.length}">${this.newFmts.join('')}</${this.prefix}numFmts>${xml.slice(at)}`;
      }
    }
    return xml;
  }
}
