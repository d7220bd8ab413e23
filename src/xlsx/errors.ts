export type XlsxReadErrorKind = 'notXlsx' | 'empty' | 'xls' | 'encrypted' | 'corrupt' | 'noSheets' | 'tooLarge';

/** The file could not be read as an .xlsx workbook. `message` is Chinese; `messageEn` English. */
export class XlsxReadError extends Error {
  readonly kind: XlsxReadErrorKind;
  readonly messageEn: string;
  readonly detail: string;

  /** `size` and `limit` in bytes for `tooLarge`: they are put into the message */
  constructor(kind: XlsxReadErrorKind, detail = '', size?: { part: string; size: number; limit: number }) {
    super(XLSX_READ_MESSAGES[kind]['zh-CN'] + (size ? tooLargeDetail(size, 'zh-CN') : ''));
    this.name = 'XlsxReadError';
    this.kind = kind;
    this.messageEn = XLSX_READ_MESSAGES[kind]['en-US'] + (size ? tooLargeDetail(size, 'en-US') : '');
    this.detail = detail;
  }
}

export const XLSX_READ_MESSAGES: Record<XlsxReadErrorKind, { 'zh-CN': string; 'en-US': string }> = {
  notXlsx: {
    'zh-CN': '文件不是 .xlsx 工作簿（可能是 CSV、文本或其他格式的文件）：请在 Excel 中打开并另存为 Excel 工作簿（*.xlsx）后重试。',
    'en-US': 'The file is not an .xlsx workbook (it may be a CSV, text or other file). Open it in Excel, save it as an Excel Workbook (*.xlsx) and try again.',
  },
  empty: {
    'zh-CN': '文件是空的（0 字节），不是 Excel 工作簿。',
    'en-US': 'The file is empty (0 bytes); it is not an Excel workbook.',
  },
  xls: {
    'zh-CN': '这是 Excel 97-2003 格式（.xls）的工作簿，仅支持 .xlsx：请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后重试。',
    'en-US': 'This is an Excel 97-2003 (.xls) workbook; only .xlsx is supported. Save it as an Excel Workbook (*.xlsx) in Excel and try again.',
  },
  encrypted: {
    'zh-CN': '工作簿设有打开密码（已加密），无法读取：请在 Excel 中取消“用密码进行加密”并保存后重试。',
    'en-US': 'The workbook is password-protected (encrypted) and cannot be read. Remove "Encrypt with Password" in Excel, save and try again.',
  },
  corrupt: {
    'zh-CN': '工作簿已损坏，无法读取。请在 Excel 中打开并另存为 .xlsx 后重试。',
    'en-US': 'The workbook is damaged and cannot be read. Open it in Excel, save it as .xlsx and try again.',
  },
  tooLarge: {
    'zh-CN': '工作簿解压后过大，可能是“压缩炸弹”，未读取',
    'en-US': 'The workbook is too large once decompressed (it may be a "zip bomb") and was not read',
  },
  noSheets: {
    'zh-CN': '文件中没有工作表，可能不是 Excel 工作簿。',
    'en-US': 'The file holds no worksheet; it may not be an Excel workbook.',
  },
};

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an .xls workbook, or an .xlsx encrypted with a password (its package inside the CFB). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** `EncryptionInfo` as a UTF-16LE directory entry name: the stream every password-encrypted OOXML file holds. */
const ENCRYPTION_INFO = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why bytes that are not a ZIP cannot be an .xlsx: empty, an .xls or encrypted workbook, or something else. */
export function notZipKind(bytes: Uint8Array): XlsxReadErrorKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, CFB_MAGIC)) return contains(bytes, ENCRYPTION_INFO) ? 'encrypted' : 'xls';
  return 'notXlsx';
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

const MB = 1024 * 1024;

function tooLargeDetail(s: { part: string; size: number; limit: number }, lang: 'zh-CN' | 'en-US'): string {
  const mb = (n: number): string => (Number.isFinite(n) ? `${Math.ceil(n / MB)} MB` : (lang === 'zh-CN' ? '未知大小' : 'unknown size'));
  return lang === 'zh-CN'
    ? `（${s.part} 声明或实际解压为 ${mb(s.size)}，上限 ${mb(s.limit)}）。如确需处理，可用 --max-size 调高上限（单位 MB）。`
    : ` (${s.part} declares or inflates to ${mb(s.size)}; the limit is ${mb(s.limit)}). To process it anyway, raise the limit with --max-size (in MB).`;
}

export type SheetProblemKind = 'missing' | 'tooLarge' | 'corrupt';

/** A worksheet of the workbook that could not be read; the others were. */
export interface SheetProblem {
  readonly sheet: string;
  readonly kind: SheetProblemKind;
  /** for `tooLarge`: the cells of its used range, and the limit */
  readonly cells?: number;
  readonly limit?: number;
}

/** The message for a sheet that could not be read, in Chinese or English. */
export function sheetProblemMessage(p: SheetProblem, lang: 'zh-CN' | 'en-US'): string {
  const n = (x: number | undefined): string => (x ?? 0).toLocaleString('en-US');
  if (lang === 'en-US') {
    switch (p.kind) {
      case 'missing': return `worksheet "${p.sheet}" could not be read: its part is missing from the file (the workbook is damaged)`;
      case 'tooLarge': return `worksheet "${p.sheet}" is too large to check: its used range holds ${n(p.cells)} cells, the limit is ${n(p.limit)}`;
      case 'corrupt': return `worksheet "${p.sheet}" could not be read: its part is damaged`;
    }
  }
  switch (p.kind) {
    case 'missing': return `工作表“${p.sheet}”无法读取：文件中缺少该工作表的部件（工作簿已损坏）`;
    case 'tooLarge': return `工作表“${p.sheet}”过大，无法校验：已用区域有 ${n(p.cells)} 个单元格，上限为 ${n(p.limit)} 个`;
    case 'corrupt': return `工作表“${p.sheet}”无法读取：该工作表的部件已损坏`;
  }
}
