import { useCallback, useEffect, useRef, useState } from "react";
import type {
  DashboardActions,
  DashboardFilters,
  DashboardProgress,
  DashboardReport,
  ShareReport,
} from "../../workbook/dashboard";
import {
  PeriodChoice,
  fiscalPeriodName,
  periodChoices,
} from "../../engine/dashboard/periodWindows";
import { fromSerial, toSerial, todaySerial } from "../../engine/dates";
import { Language, Strings } from "../i18n";
import { fill, formatNumber } from "../i18n/format";
import {
  DashboardErrorCode,
  DashboardWarningCode,
  WorkbookProblem,
  isWorkbookError,
  listParam,
  textParam,
} from "../../workbook/errors";

type DashboardStrings = Strings["dashboard"];

/** The catalogue key of each Period choice. */
export const PERIOD_KEYS: Readonly<Record<PeriodChoice, keyof DashboardStrings>> = {
  thisMonth: "periodThisMonth",
  thisQuarter: "periodThisQuarter",
  lastQuarter: "periodLastQuarter",
  thisYear: "periodThisYear",
  lastYear: "periodLastYear",
  thisFiscalQuarter: "periodThisFiscalQuarter",
  lastFiscalQuarter: "periodLastFiscalQuarter",
  thisFiscalYear: "periodThisFiscalYear",
  lastFiscalYear: "periodLastFiscalYear",
  last12Months: "periodLast12Months",
  allTime: "periodAllTime",
  custom: "periodCustom",
};

/** First strong isolate … pop directional isolate: a value inside a sentence keeps its own direction. */
const isolate = (text: string): string => `\u2068${text}\u2069`;

/**
 * The Period dropdown's options for a fiscal-year start month: each choice once (a January start
 * shows the calendar ones), the fiscal ones named by their fiscal period ("This fiscal year
 * (FY2027)"), in the pane's language.
 *
 * @param s the Dashboard strings
 * @param startMonth the Settings sheet's fiscal-year start month
 * @param asOf today, as a serial date
 * @param language the pane language (digits of the year and quarter)
 * @returns value and label of each option, in order
 * @example
 * periodOptions(strings.en.dashboard, 4, toSerial(2026, 12, 4), "en").find((o) => o.value === "thisFiscalYear")?.label;
 * // "This fiscal year (FY2027)"
 */
export function periodOptions(
  s: DashboardStrings,
  startMonth: number,
  asOf: number,
  language: Language
): { readonly value: PeriodChoice; readonly label: string }[] {
  return periodChoices(startMonth).map((value) => {
    const name = fiscalPeriodName(value, asOf, startMonth);
    if (name === null) return { value, label: s[PERIOD_KEYS[value]] };
    const m = /^FY(\d+)(?: Q(\d))?$/.exec(name);
    const y = formatNumber(language, Number(m?.[1]), { useGrouping: false });
    const q = m?.[2] ? formatNumber(language, Number(m[2])) : "";
    const local = fill(q ? s.fiscalQuarterName : s.fiscalYearName, { y, q });
    return { value, label: fill(s[PERIOD_KEYS[value]], { name: isolate(local) }) };
  });
}

/**
 * "yyyy-mm-dd" of a serial date, for a date input (empty for none).
 *
 * @param serial an Excel serial date or null
 * @returns the ISO date text
 * @example
 * isoOfSerial(46023); // "2026-01-01"
 */
export function isoOfSerial(serial: number | null): string {
  if (serial === null) return "";
  const { year, month, day } = fromSerial(serial);
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${year}-${p(month)}-${p(day)}`;
}

/**
 * The serial date of a date input's "yyyy-mm-dd" text.
 *
 * @param iso the input's value
 * @returns the serial, or null when empty or invalid
 * @example
 * serialOfIso("2026-01-01"); // 46023
 */
export function serialOfIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return m ? toSerial(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A catalogue sentence and its values, rendered as text or with each value isolated. */
export interface Sentence {
  readonly template: string;
  readonly values: Readonly<Record<string, string>>;
}

/** The catalogue key of every dashboard problem and warning code (type-checked complete). */
export const MESSAGE_KEYS: Readonly<
  Record<DashboardErrorCode | DashboardWarningCode, keyof DashboardStrings>
> = {
  missingTable: "missingTable",
  missingColumn: "missingColumn",
  foreignTable: "foreignTable",
  foreignSheet: "foreignSheet",
  noDashboard: "noDashboard",
  ownersCapped: "warnOwnersCapped",
  competitorsCapped: "warnCompetitorsCapped",
  lossReasonsCapped: "warnLossReasonsCapped",
  stagesCapped: "warnStagesCapped",
  emptyTable: "warnEmptyTable",
  noOpenStages: "warnNoOpenStages",
  sheetKept: "warnSheetKept",
  cellsKept: "warnCellsKept",
  noExchangeRate: "warnNoExchangeRate",
  stageTableProblem: "warnStageTable",
};

/**
 * The sentence of one dashboard problem or warning in the pane's language: its template and
 * its values (lists joined with the language's comma, numbers in its digits), each value to be
 * isolated for bidi by the renderer.
 *
 * @param p the code and its params
 * @param s the Dashboard strings
 * @param language for lists and numbers
 * @returns the sentence
 * @example
 * messageSentence({ code: "emptyTable", params: { table: "Owners" } }, s, "en");
 * // { template: "The {table} table is empty, so its chart is left out.", values: { table: "Owners" } }
 */
export function messageSentence(
  p: WorkbookProblem<DashboardErrorCode | DashboardWarningCode>,
  s: DashboardStrings,
  language: Language
): Sentence {
  const comma = language === "ar" ? "، " : ", ";
  const number = new Intl.NumberFormat(language);
  // A placeholder without a value reads as nothing, never as "{name}".
  const values: Record<string, string> = Object.fromEntries(
    [...s[MESSAGE_KEYS[p.code]].matchAll(/\{(\w+)\}/g)].map((m) => [m[1], ""])
  );
  for (const [k, v] of Object.entries(p.params))
    values[k] =
      typeof v === "number" ? number.format(v) : typeof v === "string" ? v : v.join(comma);
  if (p.code === "cellsKept") {
    const listed = listParam(p, "cells").length;
    if (Number(p.params.count) > listed) values.cells = `${values.cells}${comma}…`;
  }
  // The functions' own message about the Stages table comes in both languages: show the pane's.
  if (p.code === "stageTableProblem")
    values.problem = textParam(p, language === "ar" ? "ar" : "en");
  return { template: s[MESSAGE_KEYS[p.code]], values };
}

/**
 * One sentence per problem, in the pane's language, saying what to do (as template + values, so
 * the section can isolate each value for bidi).
 *
 * @param e what the action threw (a dashboard WorkbookError carries its problems)
 * @param s the Dashboard strings
 * @param language for joining cell lists
 * @returns the sentences
 * @example
 * problemSentences(new DashboardError([{ code: "noDashboard", params: {} }]), s, "en")[0].template;
 */
export function problemSentences(e: unknown, s: DashboardStrings, language: Language): Sentence[] {
  if (isWorkbookError(e, "dashboard") && e.problems.length)
    return e.problems.map((p) => messageSentence(p, s, language));
  const message = e instanceof Error && e.message ? e.message : String(e);
  return [
    {
      template: s.errorBody,
      values: { message: /[.!?]$/.test(message) ? message : `${message}.` },
    },
  ];
}

/**
 * One sentence per problem, in the pane's language, saying what to do.
 *
 * @param e what the action threw (a dashboard WorkbookError carries its problems)
 * @param s the Dashboard strings
 * @param language for joining cell lists
 * @returns the sentences as text
 * @example
 * problemMessages(new DashboardError([{ code: "missingTable", params: { table: "Deals" } }]), s, "en");
 * // ["The Deals table is missing — run Setup (or rename your table back to Deals)."]
 */
export function problemMessages(e: unknown, s: DashboardStrings, language: Language): string[] {
  return problemSentences(e, s, language).map((x) => fill(x.template, x.values));
}

/**
 * A fix the pane can run for a refusal: set up, build, or select the cells in the way (or, with
 * no address, show the user's sheet to rename).
 */
export type Fix =
  | { readonly kind: "setup" }
  | { readonly kind: "build" }
  | { readonly kind: "goTo"; readonly sheet: string; readonly address?: string };

/**
 * The fixes for what an action threw: Setup for missing tables or columns (only those Setup can
 * create: not for the user's own table or sheet under our name, which the user must rename),
 * Build when there is no dashboard, "Go to" for cells in the way or the user's sheet. Each kind once.
 *
 * @param e what the action threw
 * @returns the fixes, possibly none
 * @example
 * problemFixes(new DashboardError([{ code: "missingTable", params: { table: "Deals" } }])); // [{ kind: "setup" }]
 */
export function problemFixes(e: unknown): Fix[] {
  if (!isWorkbookError(e, "dashboard")) return [];
  const out: Fix[] = [];
  const add = (f: Fix) => {
    if (!out.some((o) => o.kind === f.kind)) out.push(f);
  };
  for (const p of e.problems) {
    if (p.code === "missingTable" || p.code === "missingColumn") add({ kind: "setup" });
    else if (p.code === "noDashboard") add({ kind: "build" });
    else if ((p.code === "foreignTable" || p.code === "foreignSheet") && textParam(p, "sheet")) {
      add({ kind: "goTo", sheet: textParam(p, "sheet") });
    }
  }
  return out;
}

/** State and handlers of the Dashboard section. */
export interface DashboardSectionState {
  /** Whether a dashboard exists (known after the first read). */
  readonly built: boolean;
  readonly owners: readonly string[];
  /** The Period dropdown's options (the fiscal-year start month's choices, fiscal ones named). */
  readonly periods: readonly { readonly value: PeriodChoice; readonly label: string }[];
  /** The filters being edited. */
  readonly filters: DashboardFilters;
  readonly setOwner: (owner: string | null) => void;
  readonly setPeriod: (period: PeriodChoice) => void;
  readonly setCustomFrom: (iso: string) => void;
  readonly setCustomTo: (iso: string) => void;
  readonly setStaleDays: (days: number) => void;
  readonly busy: "build" | "share" | "filters" | null;
  readonly progress: DashboardProgress | null;
  readonly report: DashboardReport | null;
  readonly shared: ShareReport | null;
  readonly filtersApplied: boolean;
  /** Error sentences, each saying what to do, in the current language. */
  readonly errors: readonly Sentence[];
  /** What the last build's report warns of, in the current language. */
  readonly warnings: readonly Sentence[];
  /** The fixes the pane can run for the last failure, one per kind. */
  readonly fixes: readonly Fix[];
  readonly build: () => void;
  readonly share: () => void;
  readonly applyFilters: () => void;
}

const INITIAL: DashboardFilters = {
  owner: null,
  period: "thisYear",
  customFrom: null,
  customTo: null,
  staleDays: 14,
};

/**
 * Logic of the Dashboard section: reads whether a dashboard exists (and its filters) once, then
 * runs build / share / apply-filters with progress and errors that say what to do.
 *
 * @param actions the dashboard workbook actions
 * @param language the pane language (messages)
 * @param strings the Dashboard strings of that language
 * @param workbookLanguage the language the workbook was set up in: the dashboard is built in it
 *   (the pane language when unknown); the build follows a Deals tab renamed since (`followWorkbook`).
 * @returns state and handlers
 * @example
 * const dash = useDashboard(actions, "en", strings.dashboard);
 */
export function useDashboard(
  actions: DashboardActions,
  language: Language,
  strings: DashboardStrings,
  workbookLanguage: Language | null = null
): DashboardSectionState {
  const [built, setBuilt] = useState(false);
  const [owners, setOwners] = useState<readonly string[]>([]);
  const [fiscalStart, setFiscalStart] = useState(1);
  const [filters, setFilters] = useState<DashboardFilters>(INITIAL);
  const [busy, setBusy] = useState<DashboardSectionState["busy"]>(null);
  const [progress, setProgress] = useState<DashboardProgress | null>(null);
  const [report, setReport] = useState<DashboardReport | null>(null);
  const [shared, setShared] = useState<ShareReport | null>(null);
  const [filtersApplied, setFiltersApplied] = useState(false);
  // What failed, kept raw so the message follows a later switch of the pane language.
  const [failure, setFailure] = useState<{ readonly error: unknown } | null>(null);
  const [customInvalid, setCustomInvalid] = useState(false);
  const setErrors = (e: unknown | null) => {
    setCustomInvalid(false);
    setFailure(e === null ? null : { error: e });
  };
  const mounted = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const state = await actions.readDashboardState();
      if (!mounted.current) return;
      setBuilt(state.built);
      setOwners(state.owners);
      setFiscalStart(state.fiscalStartMonth ?? 1);
      if (state.filters) setFilters(state.filters);
    } catch {
      // Reading is a convenience (owners list, current filters); building reports real problems.
    }
  }, [actions]);

  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  const start = (kind: NonNullable<DashboardSectionState["busy"]>): void => {
    setBusy(kind);
    setErrors(null);
    setShared(null);
    setFiltersApplied(false);
  };

  const build = useCallback(async () => {
    start("build");
    setReport(null);
    setProgress({ phase: "reading", fraction: 0 });
    try {
      const r = await actions.buildDashboard(
        { language: workbookLanguage ?? language, followWorkbook: true },
        (p) => mounted.current && setProgress(p)
      );
      if (!mounted.current) return;
      setReport(r);
      setBuilt(true);
      setFilters(r.filters);
      await refresh();
    } catch (e) {
      if (mounted.current) setErrors(e);
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, [actions, language, workbookLanguage, refresh]);

  const share = useCallback(async () => {
    start("share");
    try {
      const r = await actions.shareDashboardCopy();
      if (mounted.current) setShared(r);
    } catch (e) {
      if (mounted.current) setErrors(e);
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, [actions]);

  const applyFilters = useCallback(async () => {
    if (
      filters.period === "custom" &&
      (filters.customFrom === null ||
        filters.customTo === null ||
        filters.customTo < filters.customFrom)
    ) {
      setFailure(null);
      setCustomInvalid(true);
      return;
    }
    start("filters");
    try {
      await actions.setDashboardFilters(filters);
      if (mounted.current) setFiltersApplied(true);
    } catch (e) {
      if (mounted.current) setErrors(e);
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, [actions, filters]);

  const update = (patch: Partial<DashboardFilters>): void => {
    setFilters((f) => ({ ...f, ...patch }));
    setFiltersApplied(false);
  };

  const periods = periodOptions(strings, fiscalStart, todaySerial(), language);
  // A choice the sheet holds that this start month does not list (set before the Settings
  // changed) stays selectable rather than showing blank.
  if (!periods.some((p) => p.value === filters.period)) {
    const other = periodOptions(strings, fiscalStart === 1 ? 4 : 1, todaySerial(), language);
    const held = other.find((p) => p.value === filters.period);
    if (held) periods.push(held);
  }

  return {
    built,
    owners,
    periods,
    filters,
    setOwner: (owner) => update({ owner }),
    setPeriod: (period) => update({ period }),
    setCustomFrom: (iso) => update({ customFrom: serialOfIso(iso) }),
    setCustomTo: (iso) => update({ customTo: serialOfIso(iso) }),
    setStaleDays: (days) =>
      update({ staleDays: Number.isFinite(days) && days >= 0 ? Math.round(days) : 14 }),
    busy,
    progress,
    report,
    shared,
    filtersApplied,
    errors: customInvalid
      ? [{ template: strings.customInvalid, values: {} }]
      : failure
        ? problemSentences(failure.error, strings, language)
        : [],
    fixes: failure ? problemFixes(failure.error) : [],
    warnings: (report?.warnings ?? []).map((w) => messageSentence(w, strings, language)),
    build: () => void build(),
    share: () => void share(),
    applyFilters: () => void applyFilters(),
  };
}
