/**
 * An in-memory stand-in for Excel's JavaScript API, for tests and the local preview. Not Excel:
 * see README.md in this folder for what it covers and where it knowingly differs.
 *
 * @example
 * const standIn = createStandIn();
 * standIn.install(globalThis);
 * await Excel.run(async (context) => { ... });
 * standIn.getValue("Sheet1", "B2");
 */
import { parseAddress } from "./address";
import { ClientObject, RequestContext, RequestRecord, Runtime } from "./client";
import { CustomFunctionRegistry } from "./customFunctions";
import { BlankInRange } from "./engine";
import { StandInError, excelError } from "./errors";
import { RangeRef, SheetModel, WorkbookModel } from "./model";
import { salesRegistry } from "./nodeRegistry";
import { Workbook } from "./workbook";
import { shaped } from "./range";

export { StandInError } from "./errors";
export { registryFromMappings } from "./customFunctions";
export type { CustomFunctionRegistry, CustomFunctionMeta } from "./customFunctions";
export type { RequestRecord } from "./client";
export { formatValue } from "./numberFormat";
export { PAYLOAD_LIMIT } from "./client";
export { snapshot } from "./snapshot";
export type { CellSnapshot, ChartSnapshot, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { WorkbookSnapshot, snapshot } from "./snapshot";

/** Options of `createStandIn`. */
export interface StandInOptions {
  /** Highest ExcelApi requirement set `isSetSupported` reports (default "1.17", Office 2024). */
  excelApi?: string;
  /** The custom functions the formula engine runs (default in Node: src/functions/sales). */
  customFunctions?: CustomFunctionRegistry | null;
  /** Sheets of the new workbook (default ["Sheet1"], as Excel). */
  sheets?: string[];
  /** Over-5-MB requests: "throw" as Excel on the web (default) or only "record". */
  payloadLimit?: "throw" | "record";
  /** How blank cells inside range arguments reach custom functions (default ""). */
  blankInRange?: BlankInRange;
  /** Office.context.displayLanguage (default "en-US"). */
  displayLanguage?: string;
}

/** The stand-in: its Excel namespace, seeding helpers and counters. */
export interface StandIn {
  /** The `Excel` namespace (run, RequestContext, enums, ErrorCodes). */
  readonly Excel: Record<string, unknown>;
  /** `OfficeExtension` (Error, ErrorCodes, ClientResult). */
  readonly OfficeExtension: Record<string, unknown>;
  /** The model (for the preview's grid). */
  readonly model: WorkbookModel;
  /** Sets Excel, OfficeExtension and Office.context(.requirements) on a global object. */
  install(target: object): void;
  /** Writes values directly (no batching), creating the sheet if missing. */
  setValues(sheet: string, address: string, values: unknown[][]): void;
  /** Writes one formula (or value) directly. */
  setFormula(sheet: string, address: string, formula: string): void;
  /** Sets number formats directly. */
  setNumberFormat(sheet: string, address: string, formats: string[][]): void;
  /** The computed value of one cell ("" when empty, "#DIV/0!"-style text for errors). */
  getValue(sheet: string, address: string): unknown;
  /** The computed values of a range. */
  getValues(sheet: string, address: string): unknown[][];
  /** The formula text of a cell (or its value). */
  getFormula(sheet: string, address: string): unknown;
  /** The displayed text of a cell. */
  getText(sheet: string, address: string): string;
  /** The message behind an error value (e.g. a CustomFunctions.Error message), or null. */
  getError(sheet: string, address: string): string | null;
  /** Number of `context.sync()` round trips since creation or `resetCounters()`. */
  syncCount(): number;
  /** Every round trip: request bytes, response bytes, operations, over-limit flag. */
  requests(): readonly RequestRecord[];
  /** Forgets counted requests. */
  resetCounters(): void;
  /** The whole workbook as JSON. */
  snapshot(): WorkbookSnapshot;
  /** Re-evaluates every formula (e.g. after custom functions were registered). */
  recalculate(): void;
  /** Calls `listener` after every sync and direct write; returns a function that unsubscribes. */
  onChange(listener: () => void): () => void;
}

const ENUM_SPECIAL: Record<string, string> = {
  xyscatter: "XYScatter",
  xyscatterLines: "XYScatterLines",
  xyscatterLinesNoMarkers: "XYScatterLinesNoMarkers",
  xyscatterSmooth: "XYScatterSmooth",
  xyscatterSmoothNoMarkers: "XYScatterSmoothNoMarkers",
};

/** Excel's string enums: `Excel.ChartType.columnClustered === "ColumnClustered"`. */
function stringEnum(name: string): Record<string, string> {
  return new Proxy({} as Record<string, string>, {
    get(_t, key) {
      if (typeof key !== "string") return undefined;
      if (ENUM_SPECIAL[key]) return ENUM_SPECIAL[key];
      if (/^_3d/.test(key)) return key.slice(1).replace(/^3d/, "3D");
      return key[0].toUpperCase() + key.slice(1);
    },
    has: () => true,
    ownKeys: () => [],
    getOwnPropertyDescriptor: () => undefined,
    set() {
      throw new Error(`Excel.${name} is read-only`);
    },
  });
}

const ENUMS = [
  "ChartType",
  "ChartSeriesBy",
  "ChartLegendPosition",
  "ChartAxisType",
  "ChartAxisGroup",
  "ChartDataLabelPosition",
  "ChartMarkerStyle",
  "ChartLineStyle",
  "HorizontalAlignment",
  "VerticalAlignment",
  "BorderIndex",
  "BorderLineStyle",
  "BorderWeight",
  "ClearApplyTo",
  "ConditionalFormatType",
  "ConditionalCellValueOperator",
  "ConditionalTextOperator",
  "ConditionalTopBottomCriterionType",
  "ConditionalFormatPresetCriterion",
  "ConditionalFormatColorCriterionType",
  "ConditionalFormatRuleType",
  "ConditionalDataBarAxisFormat",
  "ConditionalDataBarDirection",
  "IconSet",
  "SheetVisibility",
  "DataValidationType",
  "DataValidationOperator",
  "DataValidationAlertStyle",
  "DeleteShiftDirection",
  "InsertShiftDirection",
  "CalculationMode",
  "CalculationType",
  "NamedItemType",
  "RangeValueType",
  "RangeUnderlineStyle",
  "ErrorCodes",
  "WorksheetPositionType",
  "AutoFillType",
  "SortOrientation",
  "RangeCopyType",
];

function isNode(): boolean {
  return typeof process !== "undefined" && Boolean(process.versions?.node);
}

/**
 * Creates a stand-in workbook with one sheet ("Sheet1").
 *
 * @param options see StandInOptions
 * @returns the stand-in
 * @example
 * const standIn = createStandIn({ excelApi: "1.17" });
 * standIn.install(globalThis);
 */
export function createStandIn(options: StandInOptions = {}): StandIn {
  const registry =
    options.customFunctions !== undefined
      ? options.customFunctions
      : isNode()
        ? salesRegistry()
        : null;
  const model = new WorkbookModel({
    customFunctions: registry,
    blankInRange: options.blankInRange ?? "",
    sheets: options.sheets ?? ["Sheet1"],
  });
  const rt: Runtime = {
    model,
    requests: [],
    payloadLimit: options.payloadLimit ?? "throw",
    listeners: [],
  };
  const changed = () => rt.listeners.forEach((l) => l());
  const maxApi = options.excelApi ?? "1.17";

  const newContext = (): RequestContext => {
    const ctx = new RequestContext(rt);
    ctx.workbook = new Workbook(ctx, "Workbook", "workbook", () => ({}));
    return ctx;
  };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (ctx: RequestContext) => Promise<T>;
    if (typeof batch !== "function")
      throw excelError("InvalidArgument", "Excel.run needs a batch function.");
    const ctx = newContext();
    try {
      const result = await batch(ctx);
      // office.js sends what is still queued when the batch returns.
      if (ctx._ops.length) await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
    }
  }

  function RequestContextCtor(this: unknown): RequestContext {
    return newContext();
  }

  const ExcelNs: Record<string, unknown> = {
    run,
    RequestContext: RequestContextCtor,
    Error: StandInError,
  };
  for (const e of ENUMS) ExcelNs[e] = stringEnum(e);

  const OfficeExtensionNs: Record<string, unknown> = {
    Error: StandInError,
    ErrorCodes: stringEnum("ErrorCodes"),
    ClientResult: class {},
    ClientObject,
  };

  const isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return name === "SharedRuntime" || name === "CustomFunctionsRuntime";
    const [maj, min] = (version ?? "1.1").split(".").map(Number);
    const [mmaj, mmin] = maxApi.split(".").map(Number);
    return maj < mmaj || (maj === mmaj && (min ?? 0) <= mmin);
  };

  const sheetFor = (name: string): SheetModel => model.findSheet(name) ?? model.addSheet(name);
  const refFor = (sheet: string, address: string): RangeRef => {
    const p = parseAddress(address);
    return { sheet: sheetFor(p.sheet ?? sheet), rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } };
  };
  const existingRef = (sheet: string, address: string): RangeRef => {
    const p = parseAddress(address);
    return {
      sheet: model.sheet(p.sheet ?? sheet),
      rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 },
    };
  };

  const standIn: StandIn = {
    Excel: ExcelNs,
    OfficeExtension: OfficeExtensionNs,
    model,
    install(target: object) {
      const g = target as Record<string, unknown>;
      g.Excel = ExcelNs;
      g.OfficeExtension = OfficeExtensionNs;
      const office = (g.Office ?? {}) as Record<string, unknown>;
      const info = { host: "Excel", platform: "OfficeOnline" };
      const context = {
        requirements: { isSetSupported },
        displayLanguage: options.displayLanguage ?? "en-US",
        contentLanguage: options.displayLanguage ?? "en-US",
        diagnostics: { host: "Excel", platform: "OfficeOnline", version: "stand-in" },
        host: "Excel",
        platform: "OfficeOnline",
      };
      try {
        // office.js initialises outside Office after the page loads and would replace the
        // context (losing requirements); keep ours, ignoring later assignments.
        Object.defineProperty(office, "context", {
          get: () => context,
          set: () => {
            /* ignored: see above */
          },
          configurable: true,
        });
      } catch {
        office.context = context;
      }
      office.onReady = (cb?: (i: typeof info) => void) => {
        if (cb) setTimeout(() => cb(info), 0);
        return Promise.resolve(info);
      };
      office.HostType = office.HostType ?? { Excel: "Excel" };
      office.PlatformType = office.PlatformType ?? { OfficeOnline: "OfficeOnline" };
      g.Office = office;
    },
    setValues(sheet, address, values) {
      const ref = refFor(sheet, address);
      model.writeInputs(ref, shaped(ref.rect, values, "values"));
      model.engine.resume();
      changed();
    },
    setFormula(sheet, address, formula) {
      const ref = refFor(sheet, address);
      model.writeInputs(ref, shaped(ref.rect, formula, "formulas"));
      model.engine.resume();
      changed();
    },
    setNumberFormat(sheet, address, formats) {
      const ref = refFor(sheet, address);
      model.writeNumberFormats(ref, shaped(ref.rect, formats, "numberFormat"));
    },
    getValue(sheet, address) {
      const ref = existingRef(sheet, address);
      return model.value(ref.sheet, ref.rect.r0, ref.rect.c0);
    },
    getValues(sheet, address) {
      return model.readValues(existingRef(sheet, address));
    },
    getFormula(sheet, address) {
      const ref = existingRef(sheet, address);
      return model.readFormulas({
        sheet: ref.sheet,
        rect: { ...ref.rect, r1: ref.rect.r0, c1: ref.rect.c0 },
      })[0][0];
    },
    getText(sheet, address) {
      const ref = existingRef(sheet, address);
      return model.readText({
        sheet: ref.sheet,
        rect: { ...ref.rect, r1: ref.rect.r0, c1: ref.rect.c0 },
      })[0][0];
    },
    getError(sheet, address) {
      const ref = existingRef(sheet, address);
      return model.errorMessage(ref.sheet, ref.rect.r0, ref.rect.c0);
    },
    syncCount: () => rt.requests.length,
    requests: () => rt.requests,
    resetCounters() {
      rt.requests.length = 0;
    },
    snapshot: () => snapshot(model),
    recalculate() {
      model.engine.hf.rebuildAndRecalculate();
      model.engine.settle();
      changed();
    },
    onChange(listener) {
      rt.listeners.push(listener);
      return () => {
        const i = rt.listeners.indexOf(listener);
        if (i >= 0) rt.listeners.splice(i, 1);
      };
    },
  };
  return standIn;
}
