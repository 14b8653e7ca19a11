/**
 * Workbook-level proxies: Workbook and Application (the other objects have their own files).
 */
import { ClientObject, PropDef, defineProps } from "./client";
import { notImplemented } from "./errors";
import { Range } from "./range";
import { WorksheetCollection } from "./worksheets";
import { CommentCollection, NoteCollection } from "./comments";
import { TableCollection } from "./tables";
import { NamedItemCollection, SettingCollection } from "./names";

/** `Excel.Application`. */
export class Application extends ClientObject<object> {
  declare calculationMode: string;
  static props: Record<string, PropDef<object>> = {
    calculationMode: {
      get: () => "Automatic",
      set: (_t, v) =>
        void (
          v === "Automatic" ||
          (() => {
            throw notImplemented(`Application.calculationMode = ${String(v)}`);
          })()
        ),
    },
  };
  /** Excel stops recalculating until the next sync; the stand-in recalculates once per sync anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._queue(
      "suspendApiCalculationUntilNextSync",
      undefined,
      () => void (this._model.calculationSuspended = true)
    );
  }
  /** Screen updates: nothing to suspend here. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue("suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }
  /** Recalculates (always up to date here). */
  calculate(calculationType: string): void {
    this._queue("calculate", { calculationType }, () => undefined);
  }
}
defineProps(Application);

/** `Excel.Workbook`. */
export class Workbook extends ClientObject<object> {
  static children = [
    "worksheets",
    "tables",
    "names",
    "settings",
    "application",
    "comments",
    "notes",
  ];
  declare name: string;
  private _parts: Record<string, ClientObject<unknown>> = {};
  static props: Record<string, PropDef<object>> = { name: { get: () => "Book1.xlsx" } };
  private _part<P extends ClientObject<unknown>>(name: string, make: () => P): P {
    return (this._parts[name] ??= make()) as P;
  }
  /** `workbook.worksheets`. */
  get worksheets(): WorksheetCollection {
    return this._part(
      "worksheets",
      () =>
        new WorksheetCollection(
          this._ctx,
          "WorksheetCollection",
          "workbook.worksheets",
          () => this._model.sheets
        )
    );
  }
  /** `workbook.tables`. */
  get tables(): TableCollection {
    return this._part("tables", () => new TableCollection(this._ctx, "workbook.tables", null));
  }
  /** `workbook.names`. */
  get names(): NamedItemCollection {
    return this._part(
      "names",
      () =>
        new NamedItemCollection(
          this._ctx,
          "NamedItemCollection",
          "workbook.names",
          () => this._model.names
        )
    );
  }
  /** `workbook.settings`. */
  get settings(): SettingCollection {
    return this._part(
      "settings",
      () =>
        new SettingCollection(
          this._ctx,
          "SettingCollection",
          "workbook.settings",
          () => this._model.settings
        )
    );
  }
  /** `workbook.comments` (ExcelApi 1.10). */
  get comments(): CommentCollection {
    return this._part(
      "comments",
      () => new CommentCollection(this._ctx, "workbook.comments", null)
    );
  }
  /** `workbook.notes` (ExcelApi 1.18). */
  get notes(): NoteCollection {
    return this._part("notes", () => new NoteCollection(this._ctx, "workbook.notes", null));
  }
  /** `workbook.application`. */
  get application(): Application {
    return this._part(
      "application",
      () => new Application(this._ctx, "Application", "workbook.application", () => ({}))
    );
  }
  /** The selected range (A1 of the active sheet unless something was selected). */
  getSelectedRange(): Excel.Range {
    return new Range(this._ctx, "workbook.getSelectedRange()", () => {
      const m = this._model;
      if (m.selection && m.selection.sheet === m.activeSheet) return m.selection;
      return m.activeSheet ? { sheet: m.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null;
    }) as never;
  }
  /** The active cell. */
  getActiveCell(): Excel.Range {
    return new Range(this._ctx, "workbook.getActiveCell()", () => {
      const m = this._model;
      const s =
        m.selection && m.selection.sheet === m.activeSheet
          ? m.selection.rect
          : { r0: 0, c0: 0, r1: 0, c1: 0 };
      return m.activeSheet
        ? { sheet: m.activeSheet, rect: { r0: s.r0, c0: s.c0, r1: s.r0, c1: s.c0 } }
        : null;
    }) as never;
  }
}
defineProps(Workbook);
