/**
 * Comments (ExcelApi 1.10): `workbook.comments`, `worksheet.comments`, `Comment`; notes (1.18):
 * `workbook.notes`, `worksheet.notes`, `Note`. One comment and one note per cell; both move with
 * shifted cells; `Range.clear("All")` removes them (as Excel's Clear All), Contents/Formats keep
 * them.
 */
import { ClientObject, PropDef, RequestContext, defineProps } from "./client";
import { ClientCollection } from "./collection";
import { excelError } from "./errors";
import { CommentModel, SheetModel } from "./model";
import { Range } from "./range";
import { rangeArg } from "./rangeArg";

/** What a comment and a note share: the cell they are on, and deleting them. */
abstract class OnCell extends ClientObject<CommentModel> {
  /** The cell it is on. */
  getLocation(): Excel.Range {
    return new Range(this._ctx, `${this._path}.getLocation()`, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, rect: { r0: t.row, r1: t.row, c0: t.col, c1: t.col } } : null;
    }) as never;
  }
  /** Deletes it. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.removeComment(t));
  }
}

/** A collection of comments or notes, of the workbook or of one worksheet. */
abstract class OnCellCollection<T extends OnCell> extends ClientCollection<
  { sheet: SheetModel | null },
  T
> {
  static props: Record<string, PropDef<{ sheet: SheetModel | null }>> = {};
  /** Whether this collection holds notes (else comments). */
  abstract _notes(): boolean;
  _list(t: { sheet: SheetModel | null }): unknown[] {
    const sheets = t.sheet ? [t.sheet] : this._model.sheets;
    return sheets.flatMap((s) => s.comments.filter((c) => !!c.note === this._notes()));
  }
}

/** `Excel.Comment`. */
export class Comment extends OnCell {
  declare id: string;
  declare content: string;
  declare authorName: string;
  declare authorEmail: string;
  declare resolved: boolean;
  static props: Record<string, PropDef<CommentModel>> = {
    id: { get: (t) => t.id },
    content: { get: (t) => t.content, set: (t, v) => void (t.content = String(v)) },
    authorName: { get: (t) => t.authorName },
    authorEmail: { get: () => "" },
    resolved: { get: (t) => t.resolved, set: (t, v) => void (t.resolved = Boolean(v)) },
  };
}
defineProps(Comment);

/** `Excel.CommentCollection` (of the workbook, or of one worksheet). */
export class CommentCollection extends OnCellCollection<Comment> {
  constructor(ctx: RequestContext, path: string, sheet: (() => SheetModel | null) | null) {
    super(ctx, "CommentCollection", path, () => ({ sheet: sheet ? sheet() : null }));
  }
  _notes(): boolean {
    return false;
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): Comment {
    return new Comment(this._ctx, "Comment", path, resolve as never, nullable);
  }
  /** Adds a comment to a cell ("Sheet1!A1", or an address on this worksheet). */
  add(cellAddress: Excel.Range | string, content: string): Excel.Comment {
    const label = typeof cellAddress === "string" ? JSON.stringify(cellAddress) : "(range)";
    return this._added(label, { cellAddress: label, content }, (t) => {
      const ref = rangeArg(this._model, cellAddress, t.sheet, "CommentCollection.add");
      if (t.sheet && ref.sheet !== t.sheet)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: the cell is on another sheet.",
          "CommentCollection.add"
        );
      return this._model.addComment(ref, content);
    }) as never;
  }
  /** A comment by id. */
  getItem(id: string): Excel.Comment {
    return this._lookup("getItem", id, (t) =>
      (this._list(t) as CommentModel[]).find((c) => c.id === id)
    ) as never;
  }
  /** A comment by id, or a null object. */
  getItemOrNullObject(id: string): Excel.Comment {
    const find = (t: { sheet: SheetModel | null }) =>
      (this._list(t) as CommentModel[]).find((c) => c.id === id);
    return this._lookup("getItemOrNullObject", id, find, true) as never;
  }
  /** The comment at an index. */
  getItemAt(index: number): Excel.Comment {
    return this._at(index) as never;
  }
  /** The comment on a cell (ItemNotFound when it has none). */
  getItemByCell(cellAddress: Excel.Range | string): Excel.Comment {
    const label = typeof cellAddress === "string" ? cellAddress : "(range)";
    return this._lookup("getItemByCell", label, (t) => {
      const ref = rangeArg(this._model, cellAddress, t.sheet, "CommentCollection.getItemByCell");
      return this._model.commentAt(ref.sheet, ref.rect.r0, ref.rect.c0);
    }) as never;
  }
}
defineProps(CommentCollection);

/** `Excel.Note` (ExcelApi 1.18). */
export class Note extends OnCell {
  declare content: string;
  declare authorName: string;
  declare visible: boolean;
  declare height: number;
  declare width: number;
  static props: Record<string, PropDef<CommentModel>> = {
    content: { get: (t) => t.content, set: (t, v) => void (t.content = String(v)) },
    authorName: { get: (t) => t.authorName },
    visible: { get: () => false },
    height: { get: () => 59.25 },
    width: { get: () => 96 },
  };
}
defineProps(Note);

/** `Excel.NoteCollection` (of the workbook, or of one worksheet; ExcelApi 1.18). */
export class NoteCollection extends OnCellCollection<Note> {
  constructor(ctx: RequestContext, path: string, sheet: (() => SheetModel | null) | null) {
    super(ctx, "NoteCollection", path, () => ({ sheet: sheet ? sheet() : null }));
  }
  _notes(): boolean {
    return true;
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): Note {
    return new Note(this._ctx, "Note", path, resolve as never, nullable);
  }
  /** Adds a note to a cell ("Sheet1!A1", or an address on this worksheet). */
  add(cellAddress: Excel.Range | string, content: string): Excel.Note {
    const label = typeof cellAddress === "string" ? JSON.stringify(cellAddress) : "(range)";
    return this._added(label, { cellAddress: label, content }, (t) => {
      const ref = rangeArg(this._model, cellAddress, t.sheet, "NoteCollection.add");
      return this._model.addComment(ref, content, true);
    }) as never;
  }
  /** The note on a cell (ItemNotFound when it has none). */
  getItem(key: string): Excel.Note {
    return this._lookup("getItem", key, (t) =>
      this._byCell(t, key, "NoteCollection.getItem")
    ) as never;
  }
  /** The note on a cell, or a null object. */
  getItemOrNullObject(key: string): Excel.Note {
    const find = (t: { sheet: SheetModel | null }) =>
      this._byCell(t, key, "NoteCollection.getItemOrNullObject");
    return this._lookup("getItemOrNullObject", key, find, true) as never;
  }
  /** The note at an index. */
  getItemAt(index: number): Excel.Note {
    return this._at(index) as never;
  }
  private _byCell(t: { sheet: SheetModel | null }, key: string, where: string) {
    const ref = rangeArg(this._model, key, t.sheet, where);
    return this._model.commentAt(ref.sheet, ref.rect.r0, ref.rect.c0, true);
  }
}
defineProps(NoteCollection);
