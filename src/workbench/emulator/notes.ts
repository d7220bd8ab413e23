/** The emulated notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10) of a worksheet. */
import { EmuError, MESSAGES } from './errors';
import { cellKey, keyPos, parseAddress, type EmuComment, type EmuNote as NoteData, type EmuSheet } from './model';
import { EmuRange } from './range';
import { EmuCollection, EmuObject, jsonBytes } from './request';

interface NoteRef {
  sheet: EmuSheet;
  note: NoteData;
}

function noteKey(ref: NoteRef): number {
  for (const [k, n] of ref.sheet.notes) if (n === ref.note) return k;
  throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, 'Note');
}

function singleCell(address: string | EmuRange): (sheet: EmuSheet) => number {
  return (sheet) => {
    const r = typeof address === 'string' ? parseAddress(address).range : address.target().r;
    if (typeof address !== 'string' && address.target().sheet !== sheet) throw new EmuError('InvalidArgument', 'cell on another sheet');
    if (r.top !== r.bottom || r.left !== r.right) throw new EmuError('InvalidArgument', 'The address must be a single cell.');
    return cellKey(r.top, r.left);
  };
}

export class EmuNoteObject extends EmuObject<NoteRef> {
  protected scalars() {
    return { content: (t: NoteRef) => t.note.content, authorName: (t: NoteRef) => t.note.author };
  }
  protected override check(t: NoteRef): void {
    noteKey(t);
  }
  get content(): string { return this.get('content'); }
  set content(v: string) { this.put('content', v, (t) => { this.ctx.writable(t.sheet, 'Note.content'); t.note.content = v; }); }
  get authorName(): string { return this.get('authorName'); }
  delete(): void {
    this.ctx.queue(true, () => { const t = this.target(); this.ctx.writable(t.sheet, 'Note.delete'); t.sheet.notes.delete(noteKey(t)); });
  }
  getLocation(): EmuRange {
    return new EmuRange(this.ctx, () => { const t = this.target(); const p = keyPos(noteKey(t)); return { sheet: t.sheet, r: { top: p.row, left: p.col, bottom: p.row, right: p.col } }; });
  }
}

export class EmuNoteCollection extends EmuCollection<EmuSheet, NoteRef, EmuNoteObject> {
  protected elements(s: EmuSheet): NoteRef[] {
    return [...s.notes].sort((a, b) => a[0] - b[0]).map(([, note]) => ({ sheet: s, note }));
  }
  protected wrap(e: NoteRef): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => e);
  }
  add(cellAddress: string | EmuRange, content: string): EmuNoteObject {
    const data: NoteData = { content: String(content), author: 'Ziping' };
    let sheet: EmuSheet | null = null;
    this.ctx.queue(true, () => {
      this.ctx.need('1.18', 'NoteCollection.add');
      const s = this.target();
      this.ctx.writable(s, 'NoteCollection.add');
      const k = singleCell(cellAddress)(s);
      if (s.notes.has(k) || s.comments.some((c) => c.key === k)) throw new EmuError('InvalidArgument', 'The cell already has a note or comment.', 'NoteCollection.add');
      s.notes.set(k, data);
      sheet = s;
    }, jsonBytes(data.content));
    return new EmuNoteObject(this.ctx, () => (sheet ? { sheet, note: data } : null));
  }
  getItem(key: string): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => this.find(key));
  }
  getItemOrNullObject(key: string): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => this.find(key), true);
  }
  getItemAt(index: number): EmuNoteObject {
    return new EmuNoteObject(this.ctx, () => this.elements(this.target())[index] ?? null);
  }
  private find(key: string): NoteRef | null {
    const s = this.target();
    const note = s.notes.get(singleCell(key)(s));
    return note ? { sheet: s, note } : null;
  }
}

interface CommentRef {
  sheet: EmuSheet;
  comment: EmuComment;
}

export class EmuCommentObject extends EmuObject<CommentRef> {
  protected scalars() {
    return { id: (t: CommentRef) => t.comment.id, content: (t: CommentRef) => t.comment.content, authorName: () => 'Ziping' };
  }
  protected override check(t: CommentRef): void {
    if (!t.sheet.comments.includes(t.comment)) throw new EmuError('ItemNotFound', MESSAGES.ItemNotFound, 'Comment');
  }
  get id(): string { return this.get('id'); }
  get content(): string { return this.get('content'); }
  set content(v: string) { this.put('content', v, (t) => { this.ctx.writable(t.sheet, 'Comment.content'); t.comment.content = v; }); }
  delete(): void {
    this.ctx.queue(true, () => { const t = this.target(); this.ctx.writable(t.sheet, 'Comment.delete'); t.sheet.comments = t.sheet.comments.filter((c) => c !== t.comment); });
  }
  getLocation(): EmuRange {
    return new EmuRange(this.ctx, () => { const t = this.target(); const p = keyPos(t.comment.key); return { sheet: t.sheet, r: { top: p.row, left: p.col, bottom: p.row, right: p.col } }; });
  }
}

export class EmuCommentCollection extends EmuCollection<EmuSheet, CommentRef, EmuCommentObject> {
  protected elements(s: EmuSheet): CommentRef[] {
    return s.comments.map((comment) => ({ sheet: s, comment }));
  }
  protected wrap(e: CommentRef): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => e);
  }
  /**
   * A string address must name the sheet (`'My S'!A1`), as Office's reference says; a bare `A1` fails with
   * InvalidArgument. With `emu.threadedComments` false the host lacks threaded comments and this fails with
   * NotImplemented (reported on Excel builds that claim ExcelApi 1.10: office-js#1847).
   */
  add(cellAddress: string | EmuRange, content: string): EmuCommentObject {
    const comment: EmuComment = { id: this.ctx.emu.newCommentId(), key: -1, content: String(content) };
    let sheet: EmuSheet | null = null;
    this.ctx.queue(true, () => {
      this.ctx.need('1.10', 'CommentCollection.add');
      if (!this.ctx.emu.threadedComments) throw new EmuError('NotImplemented', 'This operation is not implemented.', 'CommentCollection.add');
      const s = this.target();
      this.ctx.writable(s, 'CommentCollection.add');
      if (typeof cellAddress === 'string') {
        const a = parseAddress(cellAddress);
        if (a.sheet === null || a.sheet.toLowerCase() !== s.name.toLowerCase()) {
          throw new EmuError('InvalidArgument', 'The cell address must contain the full address, including the sheet name.', 'CommentCollection.add');
        }
      }
      const k = singleCell(cellAddress)(s);
      if (s.notes.has(k) || s.comments.some((c) => c.key === k)) throw new EmuError('InvalidArgument', 'The cell already has a note or comment.', 'CommentCollection.add');
      comment.key = k;
      s.comments.push(comment);
      sheet = s;
    }, jsonBytes(comment.content));
    return new EmuCommentObject(this.ctx, () => (sheet ? { sheet, comment } : null));
  }
  getItem(commentId: string): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => { const s = this.target(); const c = s.comments.find((x) => x.id === commentId); return c ? { sheet: s, comment: c } : null; });
  }
  getItemAt(index: number): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => { const s = this.target(); const c = s.comments[index]; return c ? { sheet: s, comment: c } : null; });
  }
  getItemByCell(cellAddress: string | EmuRange): EmuCommentObject {
    return new EmuCommentObject(this.ctx, () => {
      const s = this.target();
      const k = singleCell(cellAddress)(s);
      const c = s.comments.find((x) => x.key === k);
      return c ? { sheet: s, comment: c } : null;
    });
  }
}
