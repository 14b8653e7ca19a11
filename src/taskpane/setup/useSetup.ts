import type { ReactNode } from "react";
import { fillNodes } from "../i18n/bidi";
import { useCallback, useEffect, useRef, useState } from "react";
import type {
  RemoveSampleReport,
  SetupActions,
  SetupItem,
  SetupProgress,
  SetupReport,
} from "../../workbook/setup";
import type { StagePresetId } from "../../model/stagePresets";
import type { SheetKey } from "../../model/schema";
import type { StatusActions } from "../../workbook/status";
import { Language, Strings } from "../i18n";

type SetupStrings = Strings["setup"];

/** One line of the summary: a group label and its items, joined for the language. */
export interface SummaryLine {
  readonly label: string;
  /** The items, each value isolated for bidi (render as children). */
  readonly text: ReactNode;
}

/** A skipped item's advice, and the cells in the way (for "Go to the cells"). */
export interface SkippedLine {
  readonly text: ReactNode;
  readonly at?: { readonly sheet: string; readonly address: string };
}

/** The summary of a setup report, ready to render. */
export interface SetupSummary {
  /** What the user sees in the workbook: sheets, tables, columns, sample rows. */
  readonly created: readonly SummaryLine[];
  readonly adopted: readonly SummaryLine[];
  /** Technical items (settings, defined names, schema version), shown behind "Details". */
  readonly details: readonly SummaryLine[];
  /**
   * One sentence per skipped item, saying what to do (values isolated for bidi), and where the
   * cells in the way are when the pane can select them.
   */
  readonly skipped: readonly SkippedLine[];
  /** Free tab names to retry with, for sheets whose name is taken. */
  readonly suggestions: Readonly<Partial<Record<SheetKey, string>>>;
}

const GROUPS: readonly (readonly [SetupItem["kind"], keyof SetupStrings])[] = [
  ["sheet", "groupSheet"],
  ["table", "groupTable"],
  ["column", "groupColumn"],
  ["sampleRows", "groupSampleRows"],
];

/** Items a sales manager does not look for; listed under "Details". */
const TECHNICAL_GROUPS: readonly (readonly [SetupItem["kind"], keyof SetupStrings])[] = [
  ["setting", "groupSetting"],
  ["name", "groupName"],
  ["schema", "groupSchema"],
];

const REASONS: Readonly<Record<NonNullable<SetupItem["reason"]>, keyof SetupStrings>> = {
  foreignSheet: "reasonForeignSheet",
  foreignTable: "reasonForeignTable",
  sheetSkipped: "reasonSheetSkipped",
  anchorOccupied: "reasonAnchorOccupied",
  noRoom: "reasonNoRoom",
  mergeInTheWay: "reasonMergeInTheWay",
  tableInTheWay: "reasonTableInTheWay",
  commentInTheWay: "reasonCommentInTheWay",
  samplePresent: "reasonSamplePresent",
  newerSchema: "reasonNewerSchema",
};

function joinList(items: readonly ReactNode[], language: Language): ReactNode[] {
  // Intl.ListFormat is not in every Office webview; a plain list with the language's comma is.
  const comma = language === "ar" ? "، " : ", ";
  return items.flatMap((item, i) => (i === 0 ? [item] : [comma, item]));
}

/**
 * Turns a setup report into summary lines in the pane's language.
 *
 * @param report what setup did
 * @param s the Setup strings
 * @param language for number and list formatting
 * @returns grouped lines and the skipped items' advice
 * @example
 * summarize(report, stringsFor("en").setup, "en").created[0]; // { label: "Sheets", text: "Leads, Deals, …" }
 */
export function summarize(report: SetupReport, s: SetupStrings, language: Language): SetupSummary {
  const number = new Intl.NumberFormat(language);
  const describe = (item: SetupItem): ReactNode => {
    if (item.kind === "sampleRows") {
      return fillNodes(s.sampleRowsIn, {
        count: number.format(item.count ?? 0),
        table: item.name,
      });
    }
    if (item.kind === "column")
      return fillNodes(s.columnIn, { column: item.name, table: item.parent ?? "" });
    return fillNodes("{name}", { name: item.name });
  };
  const lines = (items: readonly SetupItem[], groups = GROUPS): SummaryLine[] =>
    groups.flatMap(([kind, label]) => {
      const of = items.filter((i) => i.kind === kind);
      return of.length === 0
        ? []
        : [{ label: s[label], text: joinList(of.map(describe), language) }];
    });
  const suggestions: Partial<Record<SheetKey, string>> = {};
  const skipped = report.skipped.map((item) => {
    if (item.reason === "foreignSheet" && item.sheetKey && item.suggestion) {
      suggestions[item.sheetKey] = item.suggestion;
    }
    const template = item.reason ? s[REASONS[item.reason]] : item.name;
    const text = fillNodes(template, {
      name: item.name,
      parent: item.parent ?? "",
      suggestion: item.suggestion ?? "",
      // The table that grows: a column's or sample rows' table, else the item itself.
      table: item.kind === "column" ? (item.parent ?? "") : item.name,
      cell: item.at?.address ?? "",
      sheet: item.at?.sheet ?? item.parent ?? "",
      other: item.other ?? "",
      what: fillNodes(
        item.kind === "column"
          ? s.whatColumn
          : item.kind === "sampleRows"
            ? s.whatSampleRows
            : s.whatTable,
        { name: item.name }
      ),
    });
    return item.at ? { text, at: item.at } : { text };
  });
  const technical = (items: readonly SetupItem[], prefix: string): SummaryLine[] =>
    lines(items, TECHNICAL_GROUPS).map((l) => ({ label: `${prefix} · ${l.label}`, text: l.text }));
  return {
    created: lines(report.created),
    adopted: lines(report.adopted),
    details: [...technical(report.created, s.created), ...technical(report.adopted, s.adopted)],
    skipped,
    suggestions,
  };
}

/** State and handlers of the Setup section. */
export interface SetupState {
  readonly preset: StagePresetId;
  readonly setPreset: (p: StagePresetId) => void;
  readonly language: Language;
  readonly setLanguage: (l: Language) => void;
  readonly sampleData: boolean;
  readonly setSampleData: (v: boolean) => void;
  /** The running action, if any. */
  readonly busy: "setup" | "remove" | null;
  readonly progress: SetupProgress | null;
  readonly summary: SetupSummary | null;
  readonly removed: RemoveSampleReport | null;
  /** Why the last run failed (the workbook's message); the section says what to do around it. */
  readonly error: string | null;
  readonly setUp: () => void;
  /** Re-runs setup with the suggested names for sheets whose tab name is taken. */
  readonly retryWithSuggestions: () => void;
  readonly removeSample: () => void;
}

function messageOf(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return String(e);
}

/**
 * Logic of the Setup section: the choices, the running action with its progress, and the
 * summary of the last run.
 *
 * @param actions the setup workbook actions
 * @param paneLanguage the task pane language: the summary's language, and the workbook language
 *   proposed for a new workbook (taken once: switching the pane language later does not change
 *   the workbook language)
 * @param strings the Setup strings of the pane language
 * @param workbookLanguage the language an existing workbook was set up in, when known
 * @returns state and handlers
 * @example
 * const setup = useSetup(actions, "en", strings.setup);
 */
export function useSetup(
  actions: SetupActions & Partial<Pick<StatusActions, "goTo">>,
  paneLanguage: Language,
  strings: SetupStrings,
  workbookLanguage: Language | null = null
): SetupState {
  const [initialLanguage] = useState<Language>(paneLanguage);
  const [preset, setPreset] = useState<StagePresetId>("salesforce");
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const [sampleData, setSampleData] = useState(false);
  const [busy, setBusy] = useState<SetupState["busy"]>(null);
  const [progress, setProgress] = useState<SetupProgress | null>(null);
  const [report, setReport] = useState<SetupReport | null>(null);
  const [removed, setRemoved] = useState<RemoveSampleReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Partial<Record<SheetKey, string>>>({});
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const language = chosenLanguage ?? workbookLanguage ?? initialLanguage;

  const run = useCallback(
    async (sheetNameOverrides: Partial<Record<SheetKey, string>>) => {
      setBusy("setup");
      setError(null);
      setRemoved(null);
      setReport(null);
      setProgress({ phase: "reading", fraction: 0 });
      try {
        const r = await actions.setUp(
          { stagePreset: preset, language, sampleData, sheetNameOverrides },
          (p) => mounted.current && setProgress(p)
        );
        if (mounted.current) setReport(r);
        // End on the sheet a user wants next: the Deals table, where imports and samples land.
        if (mounted.current && actions.goTo)
          await actions.goTo({ table: "Deals" }).catch(() => null);
      } catch (e) {
        if (mounted.current) setError(messageOf(e));
      } finally {
        if (mounted.current) setBusy(null);
      }
    },
    [actions, preset, language, sampleData]
  );

  const summary = report ? summarize(report, strings, paneLanguage) : null;

  const setUp = useCallback(() => void run(overrides), [run, overrides]);
  const retryWithSuggestions = useCallback(() => {
    const next = { ...overrides, ...(summary?.suggestions ?? {}) };
    setOverrides(next);
    void run(next);
  }, [run, overrides, summary]);

  const removeSample = useCallback(async () => {
    setBusy("remove");
    setError(null);
    setReport(null);
    setRemoved(null);
    setProgress({ phase: "reading", fraction: 0 });
    try {
      const r = await actions.removeSampleData((p) => mounted.current && setProgress(p));
      if (mounted.current) setRemoved(r);
    } catch (e) {
      if (mounted.current) setError(messageOf(e));
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, [actions]);

  return {
    preset,
    setPreset,
    language,
    setLanguage: setChosenLanguage,
    sampleData,
    setSampleData,
    busy,
    progress,
    summary,
    removed,
    error,
    setUp,
    retryWithSuggestions,
    removeSample: () => void removeSample(),
  };
}
