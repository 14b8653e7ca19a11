import { useCallback, useEffect, useRef, useState } from "react";
import type {
  DashboardActions,
  DashboardFilters,
  DashboardProblem,
  DashboardProgress,
  DashboardReport,
  ShareReport,
} from "../../workbook/dashboard";
import { PERIOD_CHOICES, PeriodChoice } from "../../engine/dashboard/periods";
import { fromSerial, toSerial } from "../../engine/dates";
import { Language, Strings } from "../i18n";
import { fill } from "../i18n/format";

type DashboardStrings = Strings["dashboard"];

/** The catalogue key of each Period choice. */
export const PERIOD_KEYS: Readonly<Record<PeriodChoice, keyof DashboardStrings>> = {
  thisMonth: "periodThisMonth",
  thisQuarter: "periodThisQuarter",
  thisYear: "periodThisYear",
  last12Months: "periodLast12Months",
  allTime: "periodAllTime",
  custom: "periodCustom",
};

/** Every Period choice, in dropdown order. */
export const PERIODS: readonly PeriodChoice[] = PERIOD_CHOICES;

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

/**
 * One sentence per problem, in the pane's language, saying what to do.
 *
 * @param e what the action threw (a DashboardError carries `problems`)
 * @param s the Dashboard strings
 * @param language for joining cell lists
 * @returns the sentences
 * @example
 * problemMessages(new DashboardError([{ kind: "missingTable", table: "Deals" }]), s, "en");
 * // ["The Deals table is missing — run Setup (or rename your table back to Deals)."]
 */
export function problemMessages(e: unknown, s: DashboardStrings, language: Language): string[] {
  const problems = (e as { problems?: readonly DashboardProblem[] } | null)?.problems;
  if (Array.isArray(problems) && problems.length) {
    return problems.map((p: DashboardProblem) => {
      switch (p.kind) {
        case "missingTable":
          return fill(s.missingTable, { table: p.table });
        case "missingColumn":
          return fill(s.missingColumn, { table: p.table, column: p.column });
        case "occupied":
          return fill(s.occupied, {
            cells: p.cells.join(language === "ar" ? "، " : ", "),
            sheet: p.sheet,
          });
        case "noDashboard":
        default:
          return s.noDashboard;
      }
    });
  }
  const message = e instanceof Error && e.message ? e.message : String(e);
  return [fill(s.errorBody, { message: /[.!?]$/.test(message) ? message : `${message}.` })];
}

/** State and handlers of the Dashboard section. */
export interface DashboardSectionState {
  /** Whether a dashboard exists (known after the first read). */
  readonly built: boolean;
  readonly owners: readonly string[];
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
  /** Error sentences, each saying what to do. */
  readonly errors: readonly string[];
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
 * @param language the pane language (also the language the dashboard is built in)
 * @param strings the Dashboard strings of that language
 * @returns state and handlers
 * @example
 * const dash = useDashboard(actions, "en", strings.dashboard);
 */
export function useDashboard(
  actions: DashboardActions,
  language: Language,
  strings: DashboardStrings
): DashboardSectionState {
  const [built, setBuilt] = useState(false);
  const [owners, setOwners] = useState<readonly string[]>([]);
  const [filters, setFilters] = useState<DashboardFilters>(INITIAL);
  const [busy, setBusy] = useState<DashboardSectionState["busy"]>(null);
  const [progress, setProgress] = useState<DashboardProgress | null>(null);
  const [report, setReport] = useState<DashboardReport | null>(null);
  const [shared, setShared] = useState<ShareReport | null>(null);
  const [filtersApplied, setFiltersApplied] = useState(false);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const mounted = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const state = await actions.readDashboardState();
      if (!mounted.current) return;
      setBuilt(state.built);
      setOwners(state.owners);
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
    setErrors([]);
    setShared(null);
    setFiltersApplied(false);
  };

  const build = useCallback(async () => {
    start("build");
    setReport(null);
    setProgress({ phase: "reading", fraction: 0 });
    try {
      const r = await actions.buildDashboard(
        { language },
        (p) => mounted.current && setProgress(p)
      );
      if (!mounted.current) return;
      setReport(r);
      setBuilt(true);
      setFilters(r.filters);
      await refresh();
    } catch (e) {
      if (mounted.current) setErrors(problemMessages(e, strings, language));
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, [actions, language, strings, refresh]);

  const share = useCallback(async () => {
    start("share");
    try {
      const r = await actions.shareDashboardCopy();
      if (mounted.current) setShared(r);
    } catch (e) {
      if (mounted.current) setErrors(problemMessages(e, strings, language));
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, [actions, language, strings]);

  const applyFilters = useCallback(async () => {
    if (
      filters.period === "custom" &&
      (filters.customFrom === null ||
        filters.customTo === null ||
        filters.customTo < filters.customFrom)
    ) {
      setErrors([strings.customInvalid]);
      return;
    }
    start("filters");
    try {
      await actions.setDashboardFilters(filters);
      if (mounted.current) setFiltersApplied(true);
    } catch (e) {
      if (mounted.current) setErrors(problemMessages(e, strings, language));
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, [actions, filters, language, strings]);

  const update = (patch: Partial<DashboardFilters>): void => {
    setFilters((f) => ({ ...f, ...patch }));
    setFiltersApplied(false);
  };

  return {
    built,
    owners,
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
    errors,
    build: () => void build(),
    share: () => void share(),
    applyFilters: () => void applyFilters(),
  };
}
