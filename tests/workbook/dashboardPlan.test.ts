import { DEALS } from "../../src/model/schema";
import {
  CAPACITY,
  DEFAULT_FILTERS,
  PlanInput,
  TILE_KEYS,
  isAllOwners,
  LABEL_MAX_WIDTH,
  moneyFormat,
  periodFromLabel,
  planDashboard,
} from "../../src/workbook/dashboard/plan";
import { overlaps, parseRect, rectAddress } from "../../src/model/a1";
import {
  checkTables,
  describeDashboardProblem,
  REQUIRED_COLUMNS,
} from "../../src/workbook/dashboard/requirements";
import { NO_FILL, keptAddresses, userCells } from "../../src/workbook/dashboard/ownership";
import { fillOf } from "../../src/workbook/dashboard/apply";
import {
  filtersFromCells,
  parseRegistry,
  stagesFromRows,
} from "../../src/workbook/dashboard/build";
import { asConstant, copySheetName, stamp } from "../../src/workbook/dashboard/share";
import { filterCellValues } from "../../src/workbook/dashboard/filters";
import { Stage } from "../../src/engine/stages";

const stages = stagesFromRows([
  ["Prospecting", 0.1],
  ["Negotiation", 0.9],
  ["", null],
  ["Closed Won", 1],
  ["Closed Lost", 0],
  ["Closed Lost to Competition", 0],
]);

const input: PlanInput = {
  language: "en",
  currency: "USD",
  stages,
  owners: 4,
  competitors: 3,
  funnel: true,
  filters: DEFAULT_FILTERS,
};

describe("planDashboard", () => {
  const plan = planDashboard(input);

  it("classifies the Stages rows as the SALES functions do, keeping table positions", () => {
    expect(stages.map((s) => [s.name, s.index, s.stage])).toEqual([
      ["Prospecting", 1, Stage.Open],
      ["Negotiation", 2, Stage.Open],
      ["Closed Won", 4, Stage.Won],
      ["Closed Lost", 5, Stage.Lost],
      ["Closed Lost to Competition", 6, Stage.Lost],
    ]);
  });

  it("has one tile per KPI, each a live formula over the named filters", () => {
    expect(plan.tiles.map((t) => t.key)).toEqual([...TILE_KEYS]);
    const f = Object.fromEntries(plan.tiles.map((t) => [t.key, t.formula]));
    expect(f.winRate).toBe(
      'SALES.WIN_RATE(IF(((Deals[Owner]=DashOwner)+(DashOwner="All"))*(Deals[Closed Date]>=DashFrom)*(Deals[Closed Date]<DashTo+1),Deals[Stage],""),,,,Stages[#All])'
    );
    // The table's won stages, then the built-in "Won" it does not list (issue 12: one vocabulary,
    // so a Pipedrive "Won" counts in Won revenue as it does in Win rate).
    expect(f.wonRevenue).toBe(
      'SUMIFS(Deals[Reporting Amount],Deals[Stage],"Closed Won",Deals[Owner],DashOwnerCriteria,Deals[Closed Date],">="&DashFrom,Deals[Closed Date],"<"&DashTo+1)' +
        '+SUMIFS(Deals[Reporting Amount],Deals[Stage],"won",Deals[Owner],DashOwnerCriteria,Deals[Closed Date],">="&DashFrom,Deals[Closed Date],"<"&DashTo+1)'
    );
    expect(f.pipelineCoverage).toBe(
      "SALES.PIPELINE_COVERAGE(DashOpenPipeline,DashTarget,DashWonRevenue)"
    );
    expect(f.forecast).toBe("INDEX(SALES.FORECAST_SALES(C21:C44,2),2)");
    for (const t of plan.tiles) {
      expect(t.formula).not.toMatch(/FILTER\(/);
      if (t.previousFormula) expect(t.previousFormula).toContain("DashPrev");
    }
    expect(plan.tiles.filter((t) => t.previousFormula).map((t) => t.key)).toEqual([
      "wonRevenue",
      "winRate",
      "avgDealSize",
      "salesCycle",
      "newLeads",
      "leadConversion",
      "responseTime",
    ]);
  });

  it("never lets two owned areas or charts overlap", () => {
    const rects = [
      ...plan.areas.map((a) => parseRect(a)!),
      ...plan.charts.map((c) => parseRect(`${c.topLeft}:${c.bottomRight}`)!),
    ];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++)
        expect([
          rectAddress(rects[i]),
          rectAddress(rects[j]),
          overlaps(rects[i], rects[j]),
        ]).toEqual([rectAddress(rects[i]), rectAddress(rects[j]), false]);
  });

  it("writes every block inside an owned area, and names unique cells", () => {
    const areas = plan.areas.map((a) => parseRect(a)!);
    for (const b of plan.blocks)
      expect([
        b.address,
        areas.some(
          (a) =>
            a.row <= b.rect.row &&
            a.col <= b.rect.col &&
            a.row + a.rows >= b.rect.row + b.rect.rows &&
            a.col + a.cols >= b.rect.col + b.rect.cols
        ),
      ]).toEqual([b.address, true]);
    const names = plan.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(["DashOwner", "DashFrom", "DashTo", "DashPrevFrom", "DashWinRate"])
    );
  });

  it("uses a funnel when supported and a clustered bar otherwise", () => {
    expect(plan.charts.find((c) => c.key === "pipeline")?.type).toBe("Funnel");
    const bar = planDashboard({ ...input, funnel: false }).charts.find(
      (c) => c.key === "pipeline"
    )!;
    expect(bar.type).toBe("BarClustered");
    expect(bar.valueFormat).toBe("$#,##0");
    expect(bar.series[0].values).toBe("D52:D53");
  });

  it("counts every won and every lost label of the Stages table", () => {
    const comp = plan.blocks.find((b) => b.address.startsWith("D116"))!;
    expect(String(comp.formulas![0][0])).toContain('"Closed Lost to Competition"');
  });

  it("leaves out the charts of empty lists and says so", () => {
    const empty = planDashboard({ ...input, owners: 0, competitors: 0, stages: [] });
    // "changes" reads the History table, not these lists.
    expect(empty.charts.map((c) => c.key)).toEqual(["revenue", "sources", "changes"]);
    expect(empty.warnings).toEqual([
      { code: "noOpenStages", params: { table: "Stages" } },
      { code: "emptyTable", params: { table: "Owners" } },
      { code: "emptyTable", params: { table: "Competitors" } },
    ]);
  });

  it("caps long lists at their reserved rows", () => {
    const big = planDashboard({ ...input, owners: 50 });
    expect(big.charts.find((c) => c.key === "owners")!.categories).toBe(
      `B72:B${71 + CAPACITY.owners}`
    );
    expect(big.warnings[0]).toEqual({ code: "ownersCapped", params: { count: 20 } });
    expect(CAPACITY.owners).toBe(20);
  });

  it("speaks the workbook language in captions, period labels and formats", () => {
    const ar = planDashboard({ ...input, language: "ar", currency: "SAR" });
    expect(ar.blocks[0].formulas![0][0]).toBe("لوحة معلومات المبيعات");
    expect(ar.tiles[2].formula).toContain('(DashOwner="الكل")');
    expect(ar.charts[0].valueFormat).toBe('#,##0 "SAR"');
    expect(moneyFormat("EUR")).toBe('#,##0 "EUR"');
  });
});

describe("one stage vocabulary and lists from the data", () => {
  const data = {
    deals: 5,
    leads: 3,
    owners: ["Ann", "Bo"],
    blankOwner: true,
    competitors: [],
    sources: ["Web"],
    blankSource: true,
    stagesWithDeals: ["prospecting", "demo"],
    currencies: [],
  };

  it("passes the Stages table to every SALES call that judges stages, and lists its labels for SUMIFS", () => {
    const own = stagesFromRows(
      [
        ["Demo", 0.5, "", false, false],
        ["Won", 0.95, "", false, false],
        ["Signed", 1, "", true, false],
        ["Dropped", 0, "", false, true],
      ],
      ["Stage", "Probability", "Forecast Category", "Is Won", "Is Lost"]
    );
    const plan = planDashboard({
      ...input,
      stages: own,
      data: {
        ...data,
        stageNames: ["Demo", "won", "signed", "closedlost", "Closed Lost to Competition"],
      },
    });
    const tile = (key: string): string => plan.tiles.find((t) => t.key === key)!.formula;
    for (const key of ["winRate", "avgDealSize", "salesCycle", "openPipeline", "weightedPipeline"])
      expect([key, tile(key)]).toEqual([key, expect.stringMatching(/,Stages\[#All\]\)$/)]);
    expect(tile("quotaAttainment")).toContain(",Stages[#All])");
    expect(tile("staleDeals")).toContain(",Stages[#All])");
    // No stage is rewritten: the table judges the deals' own stages.
    for (const t of plan.tiles) expect(t.formula).not.toMatch(/"Won"|"Lost"/);
    // SUMIFS figures: the table's won stage (not "Won", which it calls open), and every spelling
    // the deals use that the table's rules judge lost ("closedlost" is a built-in id).
    expect(tile("wonRevenue")).toContain('"Signed"');
    expect(tile("wonRevenue")).not.toMatch(/"won"/i);
    const competitors = plan.blocks
      .flatMap((b) => b.formulas ?? [])
      .flat()
      .join("\n");
    expect(competitors).toContain('"closedlost"');
    expect(competitors).toContain('"Closed Lost to Competition"');
  });

  it("lists owners and sources from the data, with rows for blanks, and says when a list is empty", () => {
    const plan = planDashboard({ ...input, data });
    const owners = plan.sections.find((s) => s.key === "owners")!;
    const cell = (row: number, col: number): unknown => {
      const b = plan.blocks.find(
        (x) =>
          x.formulas && x.rect.col === col && x.rect.row <= row && row < x.rect.row + x.rect.rows
      );
      return b?.formulas?.[row - b.rect.row][0];
    };
    const cells = (row: number): unknown => cell(row, 2);
    expect([0, 1, 2].map((i) => cells(owners.firstRow + i))).toEqual(["'Ann", "'Bo", "(no owner)"]);
    expect(owners.rows).toBe(3);
    expect(String(cell(owners.firstRow + 2, 3))).toContain('Deals[Owner],""');
    const sources = plan.sections.find((s) => s.key === "sources")!;
    expect(sources.rows).toBe(2);
    const competitors = plan.sections.find((s) => s.key === "competitors")!;
    expect(cells(competitors.firstRow)).toBe("No competitor data yet");
    expect(plan.charts.map((c) => c.key)).not.toContain("competitors");
    // The pane's Owner list is the data's owners.
    expect(plan.blocks.find((b) => b.address === "M4:M6")?.formulas).toEqual([
      ["All"],
      ["'Ann"],
      ["'Bo"],
    ]);
  });

  it("widens the label column to the longest name written beside a figure, within bounds", () => {
    const widthOf = (p: ReturnType<typeof planDashboard>, column: string): number =>
      p.columnWidths.find((w) => w.column === column)!.width;
    const fits = (text: string): number => Math.ceil((text.length * 7 + 10) * 0.75);
    // Short names: the widest fixed label beside figures ("Amount increased" of the changes
    // section) sets it; the empty-list message beside empty cells overflows and does not.
    const base = widthOf(planDashboard({ ...input, data }), "B");
    expect(base).toBe(fits("Amount increased"));
    expect(widthOf(planDashboard(input), "B")).toBe(base);
    const long = "SAMPLE-Amira Haddad-Rahman";
    const plan = planDashboard({ ...input, data: { ...data, owners: ["Ann", long] } });
    // Computed here: 7 px a character, 10 px padding, 0.75 pt a px.
    expect(widthOf(plan, "B")).toBe(fits(long));
    expect(fits(long)).toBeGreaterThan(base);
    expect(widthOf(plan, "C")).toBe(88);
    const huge = planDashboard({ ...input, data: { ...data, owners: ["x".repeat(200)] } });
    expect(widthOf(huge, "B")).toBe(LABEL_MAX_WIDTH);
  });

  it("lists the open stages that have deals, and sums the rest as Other stages", () => {
    const plan = planDashboard({
      ...input,
      data: { ...data, stagesWithDeals: ["prospecting", "unknown"] },
    });
    const pipeline = plan.sections.find((s) => s.key === "pipeline")!;
    expect(pipeline.rows).toBe(2);
    const label = plan.blocks.find((b) => b.rect.row === pipeline.firstRow && b.rect.col === 2)!;
    expect(label.formulas).toEqual([["=INDEX(Stages[Stage],1)"], ["Other stages"]]);
  });
});

describe("filter cells", () => {
  it("reads period labels and the all-owners entry in either language", () => {
    expect(periodFromLabel("Last 12 months")).toBe("last12Months");
    expect(periodFromLabel("هذا الربع")).toBe("thisQuarter");
    expect(periodFromLabel("next week")).toBeNull();
    expect(isAllOwners("الكل")).toBe(true);
    expect(isAllOwners("")).toBe(true);
    expect(isAllOwners("Amira")).toBe(false);
    expect(
      filtersFromCells({
        owner: "Amira",
        period: "garbage",
        customFrom: "",
        customTo: 46000,
        staleDays: -3,
      })
    ).toEqual({
      owner: "Amira",
      period: "thisYear",
      customFrom: null,
      customTo: 46000,
      staleDays: 14,
    });
    expect(filterCellValues({ ...DEFAULT_FILTERS, owner: "=1+1" }, "en").owner).toBe("'=1+1");
    expect(filterCellValues(DEFAULT_FILTERS, "ar")).toMatchObject({
      owner: "الكل",
      period: "هذه السنة",
    });
  });
});

describe("checkTables", () => {
  it("lists every missing table and column, and nothing when all are there", () => {
    const all = Object.fromEntries(Object.entries(REQUIRED_COLUMNS).map(([t, c]) => [t, [...c]]));
    expect(checkTables(all)).toEqual([]);
    // Our Deals table (Setup adopted it) lacking two columns: Setup appends them.
    const ours = DEALS.columns
      .map((c) => c.name)
      .filter((c) => c !== "Deal Name" && c !== "Account");
    expect(checkTables({ ...all, deals: ours, Leads: undefined })).toEqual([
      { code: "missingColumn", params: { table: "Deals", column: "Deal Name" } },
      { code: "missingColumn", params: { table: "Deals", column: "Account" } },
      { code: "missingTable", params: { table: "Leads" } },
    ]);
    // Issue 14 changed this on purpose: a Deals table with only Stage and Amount is the user's
    // own (Setup skips it as foreign), so the problem says so instead of "run Setup".
    expect(
      checkTables({ ...all, deals: ["Stage", "Amount"] }, { sheets: { Deals: "Mine" } })
    ).toEqual([
      {
        code: "foreignTable",
        params: {
          table: "Deals",
          sheet: "Mine",
          columns: REQUIRED_COLUMNS.Deals.filter((c) => c !== "Stage" && c !== "Amount"),
        },
      },
    ]);
    expect(
      checkTables({ ...all, Stages: undefined }, { foreignSheets: { Stages: "Settings" } })
    ).toEqual([{ code: "foreignSheet", params: { table: "Stages", sheet: "Settings" } }]);
    expect(
      describeDashboardProblem({
        code: "missingColumn",
        params: { table: "Deals", column: "Amount" },
      })
    ).toBe("The Deals table is missing the Amount column — run Setup.");
  });
});

describe("userCells (what a build leaves alone)", () => {
  const plan = planDashboard(input);
  const fill = (rows: number, cols: number, v: string) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
  // B1:D2 of an area the dashboard owns: its title row and the subtitle row below.
  const state = (formulas: unknown[][], fills = fill(2, 3, NO_FILL)) => ({
    areas: [
      {
        address: "B1:D2",
        formulas,
        fills,
        borders: formulas.map((r) => r.map(() => false)),
        validation: "None",
      },
    ],
    merges: [],
    comments: [],
    conditionalFormats: [],
  });
  const cells = (kept: ReadonlySet<string>) => keptAddresses(kept, plan.areas);

  it("keeps the user's values and fills inside the plan's areas on a first build", () => {
    const fills = fill(2, 3, NO_FILL);
    fills[1][2] = "#00FF00";
    const kept = userCells(
      state(
        [
          ["x", "", ""],
          ["", "", ""],
        ],
        fills
      ),
      null,
      fillOf
    );
    expect(cells(kept)).toEqual(["B1", "D2"]);
    expect(
      cells(
        userCells(
          state([
            ["", "", ""],
            ["", "", ""],
          ]),
          null,
          fillOf
        )
      )
    ).toEqual([]);
  });

  it("rewrites what the previous build wrote, and keeps what the user changed there", () => {
    const title = plan.blocks.find((b) => b.address === "B1:K1")!;
    const sub = plan.blocks.find((b) => b.address === "B2:K2")!;
    const ours = [title.formulas![0].slice(0, 3), sub.formulas![0].slice(0, 3)] as unknown[][];
    const fills = [fill(1, 3, fillOf(title))[0], fill(1, 3, fillOf(sub))[0]];
    const previous = { plan, exact: true };
    expect(cells(userCells(state(ours, fills), previous, fillOf))).toEqual([]);
    const changed = [["My title", "", ""], ours[1]];
    expect(cells(userCells(state(changed, fills), previous, fillOf))).toEqual(["B1"]);
  });
});

describe("share copy helpers", () => {
  it("stamps, names and neutralizes", () => {
    expect(stamp(new Date(2026, 2, 5, 9, 7))).toBe("2026-03-05 09:07");
    expect(copySheetName("Dashboard", "2026-03-05 09:07", new Set())).toBe(
      "Dashboard 2026-03-05 09.07"
    );
    expect(copySheetName("لوحة المعلومات الطويلة جدا", "2026-03-05 09:07", new Set()).length).toBe(
      31
    );
    expect(
      copySheetName("Dashboard", "2026-03-05 09:07", new Set(["dashboard 2026-03-05 09.07"]))
    ).toBe("Dashboard 2026-03-05 09.07 (2)");
    expect(asConstant("=SUM(A1)")).toBe("'=SUM(A1)");
    // Issue 14 on purpose: every text keeps an apostrophe so that the copy reads back as text.
    expect(asConstant("—")).toBe("'—");
    expect(asConstant("")).toBe("");
    expect(asConstant(5)).toBe(5);
    expect(parseRegistry("not json")).toBeNull();
    expect(parseRegistry(JSON.stringify({ version: 2 }))).toBeNull();
  });
});
