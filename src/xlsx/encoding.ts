/*
 * The encoding of an XML part. The package format allows UTF-8 and UTF-16 only (ECMA-376 Part 2, §8.1.4: "XML
 * content shall be encoded using either UTF-8 or UTF-16", [M1.17]); Excel and WPS write UTF-8, but .NET's
 * System.IO.Packaging and XmlWriter write UTF-16 when asked, and Excel opens such files. The encoding is told by the
 * part's first bytes (XML 1.0, Appendix F): a byte order mark, or `<` as a UTF-16 code unit.
 */

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding of a part from its first bytes (at least two are needed to tell UTF-16; fewer are UTF-8). */
export function sniffXmlEncoding(head: Uint8Array): XmlEncoding {
  if (head.length < 2) return 'utf-8';
  const [a, b] = [head[0], head[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return 'utf-16be';
  return 'utf-8';
}

/**
 * A streaming decoder for a part given chunk by chunk, as `TextDecoder.decode(chunk, { stream: true })`: the
 * encoding is told by the first two bytes, held back until they are there. A byte order mark is dropped.
 */
export class XmlDecoder {
  private decoder: TextDecoder | null = null;
  private held: Uint8Array | null = null;

  decode(chunk?: Uint8Array, options?: { stream?: boolean }): string {
    const stream = options?.stream === true;
    let bytes = chunk ?? new Uint8Array(0);
    if (!this.decoder) {
      if (this.held) {
        const joined = new Uint8Array(this.held.length + bytes.length);
        joined.set(this.held);
        joined.set(bytes, this.held.length);
        bytes = joined;
        this.held = null;
      }
      if (bytes.length < 2 && stream) {
        this.held = bytes.length > 0 ? bytes.slice() : null;
        return '';
      }
      this.decoder = new TextDecoder(sniffXmlEncoding(bytes));
    }
    return this.decoder.decode(bytes, { stream });
  }
}

/** A whole part's text; with `keepBom` a byte order mark stays as U+FEFF, so that `encodeXml` writes it back. */
export function decodeXml(bytes: Uint8Array, keepBom = false): { text: string; encoding: XmlEncoding } {
  const encoding = sniffXmlEncoding(bytes);
  return { text: new TextDecoder(encoding, { ignoreBOM: keepBom }).decode(bytes), encoding };
}

const utf8 = new TextEncoder();

/** A part's text in the encoding it was read in (a U+FEFF at its start becomes that encoding's byte order mark). */
export function encodeXml(text: string, encoding: XmlEncoding): Uint8Array {
  if (encoding === 'utf-8') return utf8.encode(text);
  // a string is UTF-16 code units already (surrogate pairs included); no Buffer: the workbench runs this in a browser
  const out = new Uint8Array(text.length * 2);
  const [lo, hi] = encoding === 'utf-16le' ? [0, 1] : [1, 0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i + lo] = c & 0xff;
    out[2 * i + hi] = c >> 8;
  }
  return out;
}
