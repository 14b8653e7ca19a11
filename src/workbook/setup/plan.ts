/**
 * The setup plan: what {@link decide} hands {@link writePlan}. Plain data; tables are named by
 * our table name and sheets by their key, so a plan can be built and checked without Excel.
 */
import { ColumnSpec, SheetKey, TableSpec, WorkbookLanguage } from "../../model/schema";
import { Cell, SetupReport, SkipReason } from "./types";

/** What happens to one of our sheets. */
export type SheetDecision =
  | { readonly action: "create"; readonly name: string }
  | { readonly action: "adopt"; readonly name: string; readonly empty: boolean }
  | {
      readonly action: "skip";
      readonly name: string;
      readonly reason: SkipReason;
      readonly suggestion?: string;
    };

/** One planned write; tables are named by our table name, sheets by their key. */
export type SetupWrite =
  | {
      readonly kind: "addSheet";
      readonly key: SheetKey;
      readonly name: string;
      readonly tabColor: string;
      readonly freezeRows: number;
    }
  /** An adopted sheet; an empty one gets its header rows frozen. */
  | {
      readonly kind: "useSheet";
      readonly key: SheetKey;
      readonly name: string;
      readonly freezeRows: number | null;
    }
  | {
      readonly kind: "appendColumn";
      readonly table: string;
      readonly column: ColumnSpec;
      readonly bodyRows: number;
    }
  /** Fills a table's only, empty, body row (Excel's placeholder row). */
  | {
      readonly kind: "fillEmptyRow";
      readonly table: string;
      readonly address: string;
      readonly values: readonly Cell[];
    }
  | { readonly kind: "addRows"; readonly table: string; readonly rows: readonly Cell[][] }
  /** A plain range with our headers made our table, rows as they are. */
  | {
      readonly kind: "convertRange";
      readonly sheet: string;
      readonly address: string;
      readonly table: string;
    }
  /** A new table at its anchor: header and rows as one block, then the table over it. */
  | { readonly kind: "createTable"; readonly spec: TableSpec; readonly rows: readonly Cell[][] }
  /** A bold caption in one cell. */
  | {
      readonly kind: "caption";
      readonly key: SheetKey;
      readonly address: string;
      readonly text: string;
    }
  | {
      readonly kind: "setting";
      readonly key: SheetKey;
      readonly address: string;
      readonly value: Cell;
      /** Validate as a month number (1–12). */
      readonly monthOfYear: boolean;
    }
  | { readonly kind: "addName"; readonly name: string; readonly formula: string }
  | { readonly kind: "schemaVersion"; readonly setting: string; readonly version: number };

/** What setup will do, and the report it gives (all but the syncs, counted by the writes). */
export interface SetupPlan extends Omit<SetupReport, "syncs"> {
  /** The workbook currency (Settings), for money formats. */
  readonly currency: string;
  readonly language: WorkbookLanguage;
  /** In order; empty when everything is in place. */
  readonly writes: readonly SetupWrite[];
}
