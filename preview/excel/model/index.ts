/**
 * The workbook behind the stand-in: sheets, cells, formats, tables, charts, names, settings,
 * validations and conditional formats, with the checks Excel makes (names, overlaps, shapes).
 * Proxies change it only inside `context.sync()`; tests may seed it directly.
 * Cell contents live in HyperFormula (engine.ts); this model keeps what Excel shows besides the
 * value: the formula text as written (structured references included) and formats.
 *
 * One class, written in sections along Excel's objects (each file extends the one before):
 * types → sheets → cells → tables → names → charts → this file (validation, conditional formats).
 * To add an Excel API, add the model operation to the section of its object and the proxy
 * member in the matching proxy file (tables.ts, charts.ts, worksheets.ts, …).
 */
import { formatAddress, overlaps } from "../address";
import { excelError } from "../errors";
import { ChartsModel } from "./charts";
import {
  CommentModel,
  ConditionalFormatModel,
  RangeRef,
  SheetModel,
  Validation,
  contains,
  isRangeRef,
} from "./types";

export * from "./types";

/** The workbook state. */
export class WorkbookModel extends ChartsModel {
  // ---------------------------------------------------------------- validation, CF

  /** Sets a data-validation rule on a rectangle (replacing rules inside it). */
  setValidation(ref: RangeRef, rule: Record<string, unknown>): Validation {
    const kinds = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
    const keys = Object.keys(rule ?? {}).filter(
      (k) => (rule as Record<string, unknown>)[k] !== undefined
    );
    if (keys.length !== 1 || !kinds.includes(keys[0])) {
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: a data-validation rule has exactly one of list, wholeNumber, decimal, date, time, textLength, custom.",
        "DataValidation.rule"
      );
    }
    if (keys[0] === "list") {
      const list = rule.list as { source?: unknown };
      if (
        !list ||
        (typeof list.source !== "string" && !isRangeRef(list.source)) ||
        list.source === ""
      ) {
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: list.source must be text or a range.",
          "DataValidation.rule"
        );
      }
    }
    const existing = this.validationAt(ref);
    ref.sheet.validations = ref.sheet.validations.filter((v) => !contains(ref.rect, v.rect));
    const v: Validation = {
      rect: ref.rect,
      rule,
      ignoreBlanks: existing?.ignoreBlanks ?? true,
      errorAlert: existing?.errorAlert ?? {
        showAlert: true,
        style: "Stop",
        title: "",
        message: "",
      },
      prompt: existing?.prompt ?? { showPrompt: false, title: "", message: "" },
    };
    ref.sheet.validations.push(v);
    return v;
  }

  /** The validation covering a range (the last one set that contains it), or null. */
  validationAt(ref: RangeRef): Validation | null {
    for (let i = ref.sheet.validations.length - 1; i >= 0; i--) {
      if (contains(ref.sheet.validations[i].rect, ref.rect)) return ref.sheet.validations[i];
    }
    return null;
  }

  /** DataValidation.clear(). */
  clearValidation(ref: RangeRef): void {
    ref.sheet.validations = ref.sheet.validations.filter((v) => !overlaps(v.rect, ref.rect));
  }

  /** ConditionalFormatCollection.add(type). */
  addConditionalFormat(ref: RangeRef, type: string): ConditionalFormatModel {
    const types = [
      "Custom",
      "DataBar",
      "ColorScale",
      "IconSet",
      "TopBottom",
      "PresetCriteria",
      "ContainsText",
      "CellValue",
    ];
    if (!types.includes(type))
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: conditional format type '${type}'.`,
        "ConditionalFormatCollection.add"
      );
    const cf: ConditionalFormatModel = {
      id: this.newId("cf"),
      rect: ref.rect,
      type,
      priority: 0,
      stopIfTrue: false,
      data: {},
    };
    ref.sheet.conditionalFormats.forEach((f) => (f.priority += 1));
    ref.sheet.conditionalFormats.unshift(cf);
    return cf;
  }

  // ---------------------------------------------------------------- comments

  /**
   * CommentCollection.add(cellAddress, content) / NoteCollection.add: one comment and one note
   * per cell, as Excel.
   */
  addComment(ref: RangeRef, content: string, note = false): CommentModel {
    const where = note ? "NoteCollection.add" : "CommentCollection.add";
    if (ref.rect.r0 !== ref.rect.r1 || ref.rect.c0 !== ref.rect.c1)
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: a ${note ? "note" : "comment"} goes on a single cell.`,
        where
      );
    if (this.commentAt(ref.sheet, ref.rect.r0, ref.rect.c0, note))
      throw excelError(
        "InvalidOperation",
        `This operation is not permitted: the cell already has a ${note ? "note" : "comment"}.`,
        where
      );
    const c: CommentModel = {
      id: this.newId(note ? "note" : "comment"),
      ...(note ? { note: true } : {}),
      row: ref.rect.r0,
      col: ref.rect.c0,
      content: String(content ?? ""),
      authorName: "Stand-in user",
      resolved: false,
      sheet: ref.sheet,
    };
    ref.sheet.comments.push(c);
    return c;
  }

  /** The comment (or, with `note`, the note) on a cell, if any. */
  commentAt(sheet: SheetModel, row: number, col: number, note = false): CommentModel | undefined {
    return sheet.comments.find((c) => c.row === row && c.col === col && !!c.note === note);
  }

  /** Comment.delete(). */
  removeComment(c: CommentModel): void {
    c.deleted = true;
    c.sheet.comments = c.sheet.comments.filter((x) => x !== c);
  }

  // ---------------------------------------------------------------- snapshot

  /** JSON form of a range reference ("Sheet!A1:B2"). */
  refAddress(ref: RangeRef): string {
    return formatAddress(ref.rect, ref.sheet.name);
  }
}
