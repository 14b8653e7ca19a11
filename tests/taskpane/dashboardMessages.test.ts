/**
 * Dashboard warnings are codes in the one catalogue the pane renders for dashboard problems:
 * every code has English and Arabic text with the same placeholders, no plan can carry a plain
 * string (the section's rendering: DashboardSection.test.tsx).
 */
import { stringsFor } from "../../src/taskpane/i18n";
import { readStageTableArg } from "../../src/engine/stageTableArg";
import { EngineError } from "../../src/engine/errors";
import { MESSAGE_KEYS, messageSentence } from "../../src/taskpane/dashboard/useDashboard";
import { fill } from "../../src/taskpane/i18n/format";
import {
  DASHBOARD_WARNING_CODES,
  DashboardWarning,
  KEPT_CELLS_LISTED,
} from "../../src/workbook/errors";
import type { DashboardReport } from "../../src/workbook/dashboard";
import {
  CAPACITY,
  DEFAULT_FILTERS,
  PlanInput,
  planDashboard,
} from "../../src/workbook/dashboard/plan";
import { Draft } from "../../src/workbook/dashboard/layout";
import { stagesFromRows } from "../../src/workbook/dashboard/build";

const placeholders = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const ARABIC = /[\u0600-\u06FF]/;

describe("the dashboard message catalogue", () => {
  const en = stringsFor("en").dashboard;
  const ar = stringsFor("ar").dashboard;

  it("has every warning code, each with English and Arabic text and the same placeholders", () => {
    const codes = Object.keys(MESSAGE_KEYS);
    for (const c of DASHBOARD_WARNING_CODES) expect(codes).toContain(c);
    for (const [code, key] of Object.entries(MESSAGE_KEYS)) {
      expect([code, en[key].trim().length > 0]).toEqual([code, true]);
      expect([code, ARABIC.test(ar[key])]).toEqual([code, true]);
      expect([code, ARABIC.test(en[key])]).toEqual([code, false]);
      expect([code, placeholders(ar[key])]).toEqual([code, placeholders(en[key])]);
    }
    // Each warning key is its own sentence (no two codes share a text by accident).
    const keys = DASHBOARD_WARNING_CODES.map((c) => MESSAGE_KEYS[c]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("accepts no plain string as a warning (type-level)", () => {
    const draft = new Draft();
    // @ts-expect-error a warning is a code and its values, never text
    draft.warnings.push("The Owners table is empty.");
    // @ts-expect-error nor is a report's
    const w: DashboardReport["warnings"] = ["Only the first 20 owners are listed."];
    // @ts-expect-error nor an unknown code
    const bad: DashboardWarning = { code: "ownersEmpty", params: {} };
    expect([draft.warnings.length, w.length, bad.code]).toEqual([1, 1, "ownersEmpty"]);
  });

  it("says every warning a plan can raise in both languages, with no placeholder left", () => {
    const open = Array.from({ length: CAPACITY.stages + 2 }, (_, i) => [`Stage ${i + 1}`, 0.5]);
    const many: PlanInput = {
      language: "ar",
      currency: "SAR",
      stages: stagesFromRows([...open, ["Won", 1], ["Lost", 0]]),
      owners: CAPACITY.owners + 5,
      competitors: CAPACITY.competitors + 5,
      funnel: true,
      filters: DEFAULT_FILTERS,
    };
    const none: PlanInput = { ...many, stages: [], owners: 0, competitors: 0 };
    const raised = [...planDashboard(many).warnings, ...planDashboard(none).warnings];
    expect(raised.map((w) => w.code).sort()).toEqual([
      "competitorsCapped",
      "emptyTable",
      "emptyTable",
      "noOpenStages",
      "ownersCapped",
      "stagesCapped",
    ]);
    const stagesCapped = raised.find((w) => w.code === "stagesCapped")!;
    // The caption of the summed row is the one written in the (Arabic) workbook.
    expect(stagesCapped.params).toEqual({ count: CAPACITY.stages - 1, other: "مراحل أخرى" });
    for (const language of ["en", "ar"] as const) {
      const s = stringsFor(language).dashboard;
      for (const w of raised) {
        const text = fill(
          messageSentence(w, s, language).template,
          messageSentence(w, s, language).values
        );
        expect(text).not.toMatch(/[{}]/);
        expect(ARABIC.test(text.replace("مراحل أخرى", ""))).toBe(language === "ar");
      }
    }
    const en = messageSentence(
      { code: "ownersCapped", params: { count: 20 } },
      stringsFor("en").dashboard,
      "en"
    );
    expect(fill(en.template, en.values)).toBe("Only the first 20 owners are listed.");
  });

  it("lists the first kept cells and marks that there are more", () => {
    const cells = Array.from({ length: KEPT_CELLS_LISTED }, (_, i) => `B${i + 8}`);
    const s = stringsFor("en").dashboard;
    const few = messageSentence(
      { code: "cellsKept", params: { count: 2, cells: ["B8", "D8"] } },
      s,
      "en"
    );
    expect(few.values).toEqual({ count: "2", cells: "B8, D8" });
    const lots = messageSentence({ code: "cellsKept", params: { count: 40, cells } }, s, "ar");
    expect(lots.values.cells).toBe(`${cells.join("، ")}، …`);
    expect(lots.values.count).toBe(new Intl.NumberFormat("ar").format(40));
  });

  it("shows the Stages table problem in the pane's language", () => {
    const e = readStageTableArg([
      ["Stage", "Is Won"],
      ["Signed", "maybe"],
    ]) as EngineError;
    const w = { code: "stageTableProblem" as const, params: { en: e.message, ar: e.ar ?? "" } };
    const en = messageSentence(w, stringsFor("en").dashboard, "en");
    expect(fill(en.template, en.values)).toBe(
      'The Stages table has a problem, so win rate, deal size, sales cycle, pipeline and stale deals cannot be computed until it is fixed: stage_table row 1, Is Won: "maybe" is not TRUE or FALSE; correct it in the Stages table on Settings.'
    );
    const ar = messageSentence(w, stringsFor("ar").dashboard, "ar");
    expect(ar.values.problem).toBe(e.ar);
    expect(fill(ar.template, ar.values)).not.toMatch(/correct it|[{}]/);
  });
});
