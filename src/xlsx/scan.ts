/**
 * A small streaming XML tokenizer for the hot parts of a package (worksheets): element names, raw attribute text
 * read on demand, and entity-decoded text. It checks what a reader of these parts needs (tags closed and nested,
 * entities known, nothing left over) and no more; DTDs are refused, as saxes refuses undeclared entities.
 */

export interface ScanHandler {
  /**
   * `tag` is the tag's text after its name, valid during this call only: `tag.raw()` for {@link attrOf}, or read in
   * place ({@link tagAttr}, {@link nextAttr}). An empty element is an `open` and a `close`.
   */
  open(name: string, tag: TagText): void;
  text(text: string): void;
  close(name: string): void;
}

/** Where a tag's attribute text lies in the scanned text, without copying it (a sheet has tens of thousands). */
export class TagText {
  s = '';
  start = 0;
  end = 0;

  raw(): string {
    return this.s.slice(this.start, this.end);
  }
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes XML's predefined entities and character references; throws on any other entity. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]*);?/g, (m: string, e: string) => {
    if (!m.endsWith(';')) throw new Error(`bad entity: ${m.slice(0, 12)}`);
    const named = NAMED[e];
    if (named !== undefined) return named;
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : e.startsWith('#') ? parseInt(e.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) throw new Error(`undefined entity: ${m.slice(0, 12)}`);
    return String.fromCodePoint(code);
  });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Where an attribute lies in a tag's raw text: its name, and its value between the quotes. */
export interface AttrSpan {
  key: number;
  keyEnd: number;
  value: number;
  valueEnd: number;
}

/**
 * Finds the attribute of a tag's raw text that starts at or after `i`, puts where it lies in `at`, and returns the
 * index after it; -1 when none is left. Throws on an attribute without a quoted value.
 */
export function nextAttr(raw: string, i: number, at: AttrSpan, n = raw.length): number {
  while (i < n && isSpace(raw.charCodeAt(i))) i++;
  const start = i;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 61 /* = */ || isSpace(c) || c === SLASH) break;
    i++;
  }
  if (i === start) return -1;
  const keyEnd = i;
  while (i < n && isSpace(raw.charCodeAt(i))) i++;
  if (raw.charCodeAt(i) !== 61) throw new Error(`attribute without a value: ${raw.slice(start, keyEnd)}`);
  i++;
  while (i < n && isSpace(raw.charCodeAt(i))) i++;
  const q = raw.charCodeAt(i);
  if (q !== QUOT && q !== APOS) throw new Error(`unquoted attribute: ${raw.slice(start, keyEnd)}`);
  const end = raw.indexOf(q === QUOT ? '"' : "'", i + 1);
  if (end < 0 || end >= n) throw new Error(`unclosed attribute: ${raw.slice(start, keyEnd)}`);
  at.key = start;
  at.keyEnd = keyEnd;
  at.value = i + 1;
  at.valueEnd = end;
  return end + 1;
}

/** An attribute's value, decoded: white space characters become spaces (XML's normalisation), entities resolved. */
export function attrValue(raw: string, at: AttrSpan): string {
  const v = raw.slice(at.value, at.valueEnd);
  return decodeEntities(v.includes('\t') || v.includes('\n') || v.includes('\r') ? v.replace(/[\t\n\r]/g, ' ') : v);
}

/** Calls `f` with each attribute of a tag's raw text (name as written, value decoded); stops when `f` returns true. */
function eachAttr(raw: string, f: (key: string, value: string) => boolean | void): void {
  const at: AttrSpan = { key: 0, keyEnd: 0, value: 0, valueEnd: 0 };
  for (let i = nextAttr(raw, 0, at); i >= 0; i = nextAttr(raw, i, at)) {
    if (f(raw.slice(at.key, at.keyEnd), attrValue(raw, at))) return;
  }
}

/** The value of attribute `name` (as written, prefix included) in a tag's raw text, decoded; undefined when absent. */
export function attrOf(raw: string, name: string): string | undefined {
  if (!raw.includes(name)) return undefined;
  let found: string | undefined;
  eachAttr(raw, (k, v) => {
    if (k !== name) return false;
    found = v;
    return true;
  });
  return found;
}

const tagSpan: AttrSpan = { key: 0, keyEnd: 0, value: 0, valueEnd: 0 };

/** {@link attrOf} on a tag as the scanner hands it, read in place. */
export function tagAttr(tag: TagText, name: string): string | undefined {
  const raw = tag.s;
  const at = tagSpan;
  for (let i = nextAttr(raw, tag.start, at, tag.end); i >= 0; i = nextAttr(raw, i, at, tag.end)) {
    if (at.keyEnd - at.key === name.length && raw.startsWith(name, at.key)) return attrValue(raw, at);
  }
  return undefined;
}

/** All attributes of a tag's raw text. */
export function attrsOf(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  eachAttr(raw, (k, v) => {
    out[k] = v;
  });
  return out;
}

/** Where the tag opened at `from` ends (its `>`), skipping `>` inside quoted attribute values; -1 if not yet. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT) return i;
    else if (c === QUOT || c === APOS) quote = c;
  }
  return -1;
}

/** The names of a worksheet's hot elements, so that reading one is not a new string per tag. */
const SHORT_NAMES: Readonly<Record<string, string>> = { c: 'c', v: 'v', f: 'f', t: 't', r: 'r', is: 'is', row: 'row' };

/** The element name written at `start`..`end` of `s`: a known short name without a copy, else a slice. */
function nameAt(s: string, start: number, end: number): string {
  if (end - start <= 3) {
    const known = SHORT_NAMES[s.slice(start, end)];
    if (known !== undefined) return known;
  }
  return s.slice(start, end);
}

/** Feeds chunks of one XML document to a handler; throws on malformed input. */
export class XmlScanner {
  private rest = '';
  /** open elements: the name as written (prefix included), and the local name the handler was given */
  private readonly stack: string[] = [];
  private readonly locals: string[] = [];
  private rooted = false;
  private readonly tag = new TagText();
  /** the last chunk ended in `\r` (see lineEnds) */
  private cr = false;

  constructor(private readonly h: ScanHandler) {}

  write(chunk: string): void {
    const text = this.cr || chunk.includes('\r') ? this.lineEnds(chunk) : chunk;
    const s = this.rest === '' ? text : this.rest + text;
    this.rest = s.slice(this.scan(s));
  }

  /**
   * XML 1.0, 2.11: a processor reads `\r\n` and a lone `\r` as `\n` (a written `&#13;` or `_x000D_` stays a
   * carriage return). Excel writes line feeds only; other writers (and hand-edited parts) write `\r\n`, which Excel
   * shows as one line break. A chunk that ends in `\r` has given its `\n`: a `\n` starting the next is dropped.
   */
  private lineEnds(chunk: string): string {
    const rest = this.cr && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.cr = rest.endsWith('\r');
    return rest.replace(/\r\n?/g, '\n');
  }

  close(): void {
    if (this.rest.trim() !== '') throw new Error('unexpected end of XML');
    if (!this.rooted || this.stack.length > 0) throw new Error('unclosed XML element');
  }

  /** Handles every complete token of `s`; returns where the incomplete remainder starts. */
  private scan(s: string): number {
    const h = this.h;
    const stack = this.stack;
    let pos = 0;
    const n = s.length;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        // text running on into the next chunk: hand over what is complete, keep only a split entity
        const amp = s.lastIndexOf('&');
        const cut = amp >= pos && s.indexOf(';', amp) < 0 ? amp : n;
        if (cut > pos && stack.length > 0) h.text(decodeEntities(s.slice(pos, cut)));
        return cut;
      }
      if (lt > pos && stack.length > 0) h.text(decodeEntities(s.slice(pos, lt)));
      if (lt + 1 >= n) return lt;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        pos = end + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          // a CDATA section is text as written, entities included (XML 1.0, 2.7); Excel writes none, other writers may
          if (end > lt + 9 && stack.length > 0) h.text(s.slice(lt + 9, end));
          pos = end + 3;
        } else {
          if (n - lt < 9) return lt;
          throw new Error('DTDs are not allowed in a workbook part');
        }
        continue;
      }
      const gt = tagEnd(s, lt + 1);
      if (gt < 0) return lt;
      pos = gt + 1;
      if (c1 === SLASH) {
        const open = stack.pop();
        // `</name>` or `</name  >`, compared in place
        let e = lt + 2 + (open === undefined ? 0 : open.length);
        if (open === undefined || !s.startsWith(open, lt + 2)) e = -1;
        else while (e < gt && isSpace(s.charCodeAt(e))) e++;
        if (e !== gt) throw new Error(`mismatched closing tag </${s.slice(lt + 2, gt).trimEnd()}>`);
        h.close(this.locals.pop() as string);
        continue;
      }
      let i = lt + 1;
      let colon = -1;
      while (i < gt) {
        const c = s.charCodeAt(i);
        if (isSpace(c) || c === SLASH || c === GT || c === LT) break;
        if (c === 58 /* : */ && colon < 0) colon = i;
        i++;
      }
      if (i === lt + 1) throw new Error('malformed XML tag');
      const selfClosing = s.charCodeAt(gt - 1) === SLASH;
      if (stack.length === 0 && this.rooted) throw new Error('more than one root element');
      this.rooted = true;
      const name = nameAt(s, colon < 0 ? lt + 1 : colon + 1, i);
      const tag = this.tag;
      tag.s = s;
      tag.start = i;
      tag.end = i < gt ? (selfClosing ? gt - 1 : gt) : i;
      h.open(name, tag);
      tag.s = '';
      if (selfClosing) h.close(name);
      else {
        stack.push(colon < 0 ? name : s.slice(lt + 1, i));
        this.locals.push(name);
      }
    }
    return pos;
  }
}
