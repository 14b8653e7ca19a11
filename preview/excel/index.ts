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
import { formatAddress, parseAddress } from "./address";
import { ClientObject, RequestContext, RequestRecord, Runtime } from "./client";
import { CustomFunctionRegistry } from "./customFunctions";
import { BlankInRange } from "./engine";
import { StandInError, excelError } from "./errors";
import { MAX_COLUMNS, rowCount, columnCount } from "./address";
import { ChartModel, RangeRef, SheetModel, WorkbookModel, isRangeRef } from "./model";
import { salesRegistry } from "./nodeRegistry";
import { Workbook } from "./workbook";
import { formatValue } from "./numberFormat";
import { shaped } from "./range";

export { StandInError } from "./errors";
export { registryFromMappings } from "./customFunctions";
export type { CustomFunctionRegistry, CustomFunctionMeta } from "./customFunctions";
export type { RequestRecord } from "./client";
export { formatValue } from "./numberFormat";
export { PAYLOAD_LIMIT } from "./client";

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

/** A cell in the snapshot. */
export interface CellSnapshot {
  value: string | number | boolean;
  formula?: string;
  text?: string;
  numberFormat?: string;
  error?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: unknown;
}

/** A chart in the snapshot. */
export interface ChartSnapshot {
  name: string;
  type: string;
  title: string;
  titleVisible: boolean;
  source: string | null;
  seriesBy: string;
  legend: { position: string; visible: boolean };
  axes: {
    category: { title: string; numberFormat: string };
    value: { title: string; numberFormat: string };
  };
  series: {
    name: string;
    values: unknown[];
    categories: string[];
    valuesAddress: string | null;
    categoriesAddress: string | null;
    chartType: string;
    color: string | null;
    /** `format.fill.clear()` was called: no fill (an invisible series), not an automatic colour. */
    noFill?: true;
  }[];
  top: number;
  left: number;
  width: number;
  height: number;
}

/** A sheet in the snapshot. */
export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  active: boolean;
  freeze: { rows: number; columns: number };
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  merges: string[];
  tables: {
    name: string;
    address: string;
    headers: string[];
    style: string;
    showTotals: boolean;
    rows: number;
    showBandedRows: boolean;
  }[];
  charts: ChartSnapshot[];
  dataValidations: { address: string; rule: unknown; ignoreBlanks: boolean; errorAlert: unknown }[];
  conditionalFormats: { address: string; type: string; priority: number; rule: unknown }[];
  /** Comments (notes) by cell. */
  comments: { address: string; content: string }[];
}

/** The workbook as JSON. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: { name: string; formula: string; value: unknown; visible: boolean; comment: string }[];
  settings: Record<string, unknown>;
  activeSheet: string | null;
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

function snapshotChart(model: WorkbookModel, c: ChartModel): ChartSnapshot {
  return {
    name: c.name,
    type: c.type,
    title: c.title.text,
    titleVisible: c.title.visible,
    source: c.source ? model.refAddress(c.source) : null,
    seriesBy: c.seriesBy,
    legend: { position: c.legend.position, visible: c.legend.visible },
    axes: {
      category: {
        title: c.axes.category.title?.text ?? "",
        numberFormat: c.axes.category.numberFormat ?? "General",
      },
      value: {
        title: c.axes.value.title?.text ?? "",
        numberFormat: c.axes.value.numberFormat ?? "General",
      },
    },
    series: c.series.map((s) => ({
      name: s.name,
      values: model.seriesData(s.values),
      categories: model.seriesLabels(s.categories),
      valuesAddress: isRangeRef(s.values) ? model.refAddress(s.values) : null,
      categoriesAddress: isRangeRef(s.categories) ? model.refAddress(s.categories) : null,
      chartType: s.chartType ?? c.type,
      color: (s.format.fill as { color?: string | null }).color ?? null,
      ...((s.format.fill as { noFill?: boolean }).noFill ? { noFill: true as const } : {}),
    })),
    top: c.top,
    left: c.left,
    width: c.width,
    height: c.height,
  };
}

/**
 * The workbook as JSON: every sheet with its non-empty or formatted cells (value, formula,
 * displayed text, number format, formats), tables, charts (series resolved to values),
 * validations and conditional formats; names and settings.
 *
 * @param model the workbook
 * @returns the snapshot
 */
export function snapshot(model: WorkbookModel): WorkbookSnapshot {
  model.engine.resume();
  const sheets = model.sheets.map((sheet, position): SheetSnapshot => {
    const cells: Record<string, CellSnapshot> = {};
    const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const cell = sheet.cells.get(k)!;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      const value = model.value(sheet, r, c);
      const out: CellSnapshot = { value };
      if (cell.formula) out.formula = String(cell.input);
      if (cell.numberFormat) out.numberFormat = cell.numberFormat;
      const text = formatValue(value, cell.numberFormat);
      if (text !== String(value)) out.text = text;
      const err = model.errorMessage(sheet, r, c);
      if (err) out.error = err;
      const s = cell.style;
      if (s) {
        if (s.fill) out.fill = s.fill;
        if (s.bold !== undefined) out.bold = s.bold;
        if (s.italic !== undefined) out.italic = s.italic;
        if (s.fontColor) out.fontColor = s.fontColor;
        if (s.fontSize) out.fontSize = s.fontSize;
        if (s.fontName) out.fontName = s.fontName;
        if (s.horizontalAlignment) out.horizontalAlignment = s.horizontalAlignment;
        if (s.verticalAlignment) out.verticalAlignment = s.verticalAlignment;
        if (s.wrapText !== undefined) out.wrapText = s.wrapText;
        if (s.borders && Object.keys(s.borders).length) out.borders = s.borders;
      }
      if (cell.input === undefined && !cell.numberFormat && (!s || Object.keys(s).length === 0))
        continue;
      cells[formatAddress({ r0: r, c0: c, r1: r, c1: c })] = out;
    }
    const letters = (c: number) => formatAddress({ r0: 0, c0: c, r1: 0, c1: c }).replace(/\d+/, "");
    return {
      name: sheet.name,
      position,
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      active: model.activeSheet === sheet,
      freeze: { rows: sheet.freezeRows, columns: sheet.freezeColumns },
      cells,
      columnWidths: Object.fromEntries(
        [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [letters(c), w])
      ),
      rowHeights: Object.fromEntries(
        [...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])
      ),
      merges: sheet.merges.map((m) => formatAddress(m)),
      tables: model.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => ({
          name: t.name,
          address: formatAddress(t.rect, sheet.name),
          headers: model.tableHeaders(t),
          style: t.style,
          showTotals: t.showTotals,
          rows: rowCount(t.bodyRect),
          showBandedRows: t.showBandedRows,
        })),
      charts: sheet.charts.map((c) => snapshotChart(model, c)),
      comments: sheet.comments.map((c) => ({
        address: formatAddress({ r0: c.row, r1: c.row, c0: c.col, c1: c.col }),
        content: c.content,
      })),
      dataValidations: sheet.validations.map((v) => ({
        address: formatAddress(v.rect, sheet.name),
        rule: v.rule,
        ignoreBlanks: v.ignoreBlanks,
        errorAlert: v.errorAlert,
      })),
      conditionalFormats: sheet.conditionalFormats.map((f) => ({
        address: formatAddress(f.rect, sheet.name),
        type: f.type,
        priority: f.priority,
        rule: f.data,
      })),
    };
  });
  void columnCount;
  return {
    sheets,
    names: model.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      value: model.nameValue(n),
      visible: n.visible,
      comment: n.comment,
    })),
    settings: Object.fromEntries(model.settings),
    activeSheet: model.activeSheet?.name ?? null,
  };
}
