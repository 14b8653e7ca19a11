/**
 * Every SALES function fed cells the way Excel desktop, Excel on the web and Mac send them
 * (shared/platform.md), through the built dist/functions.js: header rows given with whole
 * columns, error values inside ranges, text numbers in other locales, JS dates, invisible
 * characters in stage names, optional arguments given as a blank cell, blank scalar arguments.
 * Every expected number is computed here from the same rows.
 */
import { builtCaller, describeBuilt } from "../setup/builtFunctions";
import { CustomFunctionsError } from "../setup/customFunctionsStub";

const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;
const BLANKS: [string, unknown][] = [
  ["0 (desktop)", 0],
  ["null (web)", null],
  ['"" (text)', ""],
];
/** Rows of a whole-column reference: a title, the data, then blanks to row 1,048,576. */
function wholeColumn(title: string, values: readonly unknown[], blank: unknown): unknown[][] {
  const rows = new Array<unknown[]>(1_048_576);
  rows[0] = [title];
  for (let i = 0; i < values.length; i++) rows[i + 1] = [values[i]];
  for (let i = values.length + 1; i < rows.length; i++) rows[i] = [blank];
  return rows;
}
/** A column with a title row on top. */
const titled = (title: string, values: readonly unknown[]): unknown[][] => col(title, ...values);

// Twelve deals: stages, amounts (a credit note, a zero-amount deal), dates.
const STAGES = [
  "Won",
  "Lost",
  "Won",
  "Demo",
  "Proposal",
  "Won",
  "Lost",
  "Demo",
  "Won",
  "Proposal",
  "Won",
  "Lost",
];
const AMOUNTS = [1200, 800, -150, 0, 2500, 3000, 450, 700, 999.5, 1800, 60, 5000];
const CREATED = [
  46000, 46003, 46010, 46020, 46025, 46031, 46040, 46042, 46050, 46055, 46060, 46064,
];
const CLOSED = [46030, 46033, 46050, 46120, 46140, 46061, 46100, 46200, 46090, 46115, 46066, 46080];
const ACTIVITY = [
  46020, 46020, 46040, 46050, 46095, 46060, 46090, 46099, 46070, 46080, 46065, 46070,
];
const won = STAGES.map((s) => s === "Won");
const lost = STAGES.map((s) => s === "Lost");
const open = STAGES.map((s, i) => !won[i] && !lost[i]);
const pick = <T>(xs: readonly T[], keep: readonly boolean[]): T[] => xs.filter((_, i) => keep[i]);

describeBuilt("SALES functions with cells as real workbooks send them", () => {
  const call = builtCaller();

  describe("a header row given with the data (C:C or C1:C500) is not a deal", () => {
    const wonAmounts = pick(AMOUNTS, won);
    const positive = (xs: number[]) => sum(xs.filter((x) => x > 0));
    const expected: [string, () => unknown[], number][] = [
      [
        "AVG_DEAL_SIZE",
        () => [titled("Amount", AMOUNTS), titled("Stage", STAGES), null, null],
        mean(wonAmounts),
      ],
      [
        "WIN_RATE by value",
        () => [titled("Stage", STAGES), titled("Amount", AMOUNTS), null, null, null],
        positive(wonAmounts) / (positive(wonAmounts) + positive(pick(AMOUNTS, lost))),
      ],
      [
        "PIPELINE_VALUE",
        () => [titled("Amount", AMOUNTS), titled("Stage", STAGES), null, null, null, null],
        sum(pick(AMOUNTS, open)),
      ],
      [
        "QUOTA_ATTAINMENT",
        () => [
          titled("Amount", AMOUNTS),
          titled("Stage", STAGES),
          titled("Close Date", CLOSED),
          10000,
          null,
          null,
          null,
        ],
        sum(wonAmounts) / 10000,
      ],
      [
        "SALES_CYCLE",
        () => [
          titled("Created", CREATED),
          titled("Close Date", CLOSED),
          titled("Stage", STAGES),
          null,
          null,
        ],
        mean(
          pick(
            CLOSED.map((c, i) => c - CREATED[i]),
            won
          )
        ),
      ],
      [
        // The title row's blank date would otherwise be a never-touched open deal.
        "STALE_DEALS",
        () => [titled("Last Activity", ACTIVITY), titled("Stage", STAGES), 14, 46100, null],
        pick(ACTIVITY, open).filter((d) => 46100 - d > 14).length,
      ],
      [
        "LEAD_RESPONSE_TIME",
        () => [titled("Created", CREATED), titled("First Contact", ACTIVITY), "mean", "days"],
        mean(ACTIVITY.map((a, i) => a - CREATED[i])),
      ],
      [
        "PRICE_REALIZATION",
        () => [
          titled("Net", [90, 80, 45]),
          titled("List", [100, 100, 50]),
          titled("Qty", [1, 2, 4]),
        ],
        (90 + 160 + 180) / (100 + 200 + 200),
      ],
      [
        "CONVERSION_RATE",
        () => [titled("Converted", [true, false, true, "yes"]), null, null],
        3 / 4,
      ],
      ["GROWTH", () => [titled("Revenue", [100, 110, 99]), null, null], 99 / 110 - 1],
    ];
    it.each(expected)("%s", (name, args, value) => {
      const id = name.split(" ")[0];
      expect(call(id, ...args())).toBeCloseTo(value, 9);
    });

    it("WEIGHTED_PIPELINE and COMPETITOR_WIN_RATE", () => {
      const probs = [
        ["Demo", 0.2],
        ["Proposal", 0.5],
      ];
      const weighted = sum(
        AMOUNTS.map((a, i) => a * (STAGES[i] === "Demo" ? 0.2 : STAGES[i] === "Proposal" ? 0.5 : 0))
      );
      expect(
        call("WEIGHTED_PIPELINE", titled("Amount", AMOUNTS), titled("Stage", STAGES), probs, null)
      ).toBeCloseTo(weighted, 9);
      const comp = STAGES.map(() => "Acme");
      const closedByValue = (keep: boolean[]) => sum(pick(AMOUNTS, keep).filter((a) => a > 0));
      expect(
        call(
          "COMPETITOR_WIN_RATE",
          titled("Competitor", comp),
          titled("Stage", STAGES),
          "Acme",
          titled("Amount", AMOUNTS),
          null
        )
      ).toBeCloseTo(closedByValue(won) / (closedByValue(won) + closedByValue(lost)), 12);
    });

    it("WEIGHTED_PIPELINE with one probability per deal, titled like the amounts", () => {
      const probs = STAGES.map((s) =>
        s === "Won" ? 1 : s === "Lost" ? 0 : s === "Demo" ? 0.2 : 0.5
      );
      const weighted = sum(
        pick(
          AMOUNTS.map((a, i) => a * probs[i]),
          open
        )
      );
      expect(
        call(
          "WEIGHTED_PIPELINE",
          titled("Amount", AMOUNTS),
          titled("Stage", STAGES),
          titled("Probability", probs),
          null
        )
      ).toBeCloseTo(weighted, 9);
    });

    it("PERIOD_TOTALS spills the same rows with or without the title", () => {
      const plain = call(
        "PERIOD_TOTALS",
        col(...CLOSED),
        col(...AMOUNTS),
        "month",
        null,
        null,
        null,
        null,
        null
      );
      expect(
        call(
          "PERIOD_TOTALS",
          titled("Close Date", CLOSED),
          titled("Amount", AMOUNTS),
          "month",
          null,
          null,
          null,
          null,
          null
        )
      ).toEqual(plain);
      expect(sum((plain as [number, number][]).map((r) => r[1]))).toBeCloseTo(sum(AMOUNTS), 9);
    });

    describe.each(BLANKS.slice(0, 2))(
      "whole columns of 1,048,576 rows, empty cells as %s",
      (_name, blank) => {
        it("AVG_DEAL_SIZE, SALES_CYCLE and STALE_DEALS", () => {
          const stages = wholeColumn("Stage", STAGES, blank);
          expect(
            call("AVG_DEAL_SIZE", wholeColumn("Amount", AMOUNTS, blank), stages, null, null)
          ).toBeCloseTo(mean(wonAmounts), 9);
          expect(
            call(
              "SALES_CYCLE",
              wholeColumn("Created", CREATED, blank),
              wholeColumn("Closed", CLOSED, blank),
              stages,
              null,
              null
            )
          ).toBeCloseTo(
            mean(
              pick(
                CLOSED.map((c, i) => c - CREATED[i]),
                won
              )
            ),
            9
          );
          expect(
            call(
              "STALE_DEALS",
              wholeColumn("Last Activity", ACTIVITY, blank),
              stages,
              14,
              46100,
              null
            )
          ).toBe(pick(ACTIVITY, open).filter((d) => 46100 - d > 14).length);
        });
      }
    );

    it("text that is bad data in the first row stays an error naming the cell", () => {
      for (const junk of ["n/a", "TRUE", "#N/A"]) {
        expect(
          call("AVG_DEAL_SIZE", col(junk, ...AMOUNTS), col("Won", ...STAGES), null, null)
        ).toEqual({
          error: "#VALUE!",
          message: `Amount #1 is not a number: "${junk}"`,
        });
      }
      expect(
        call(
          "AVG_DEAL_SIZE",
          col(5, "Amount", ...AMOUNTS),
          col("Won", "Stage", ...STAGES),
          null,
          null
        )
      ).toEqual({
        error: "#VALUE!",
        message: 'Amount #2 is not a number: "Amount"',
      });
    });
  });

  describe("an error value in a range is the result, as in SUM", () => {
    const na = () => new CustomFunctionsError("#N/A");
    const div0 = () => new CustomFunctionsError("#DIV/0!");
    const withError = (values: readonly unknown[], at: number, error: unknown): unknown[][] =>
      col(...values.map((v, i) => (i === at ? error : v)));
    const cases: [string, (e: unknown) => unknown[], string][] = [
      ["AVG_DEAL_SIZE", (e) => [withError(AMOUNTS, 3, e), col(...STAGES), null, null], "Amount #4"],
      ["WIN_RATE", (e) => [withError(STAGES, 3, e), null, null, null, null], "Stage #4"],
      [
        "PIPELINE_VALUE",
        (e) => [col(...AMOUNTS), col(...STAGES), withError(CLOSED, 3, e), null, null, null],
        "Close date #4",
      ],
      [
        "WEIGHTED_PIPELINE",
        (e) => [col(...AMOUNTS), withError(STAGES, 3, e), [["Demo", 0.2]], null],
        "Stage #4",
      ],
      [
        "QUOTA_ATTAINMENT",
        (e) => [col(...AMOUNTS), col(...STAGES), withError(CLOSED, 3, e), 1000, null, null, null],
        "Close date #4",
      ],
      [
        "SALES_CYCLE",
        (e) => [withError(CREATED, 3, e), col(...CLOSED), col(...STAGES), null, null],
        "Created #4",
      ],
      [
        "STALE_DEALS",
        (e) => [withError(ACTIVITY, 3, e), col(...STAGES), 14, 46100, null],
        "Last activity #4",
      ],
      [
        "COMPETITOR_WIN_RATE",
        (e) => [
          withError(
            STAGES.map(() => "Acme"),
            3,
            e
          ),
          col(...STAGES),
          "Acme",
          null,
          null,
        ],
        "Competitor #4",
      ],
      [
        "PERIOD_TOTALS",
        (e) => [col(...CLOSED), withError(AMOUNTS, 3, e), null, null, null, null, null, null],
        "Amount #4",
      ],
      [
        "LEAD_RESPONSE_TIME",
        (e) => [col(...CREATED), withError(ACTIVITY, 3, e), null, null],
        "First contact #4",
      ],
      [
        "PRICE_REALIZATION",
        (e) => [withError([90, 80, 70, 60], 3, e), col(100, 100, 100, 100), null],
        "Net price #4",
      ],
      [
        "CONVERSION_RATE",
        (e) => [withError([true, false, true, true], 3, e), null, null],
        "Value #4",
      ],
      ["GROWTH", (e) => [withError([1, 2, 3, 4], 3, e), null, null], "Value #4"],
      ["FUNNEL", (e) => [withError(STAGES, 3, e), col("Demo", "Proposal"), null], "Stage #4"],
      [
        "STUCK_DEALS",
        (e) => [
          [
            ["Snapshot Date", "Deal ID"],
            [46000, e],
          ],
          col("Demo"),
          null,
        ],
        "History #4",
      ],
      [
        "PIPELINE_CHANGES",
        (e) => [
          [
            ["Snapshot Date", "Deal ID"],
            [46000, e],
          ],
          col("Demo"),
        ],
        "History #4",
      ],
    ];
    it.each(cases)("%s", (id, args, cell) => {
      expect(call(id, ...args(na()))).toEqual({
        error: "#N/A",
        message: `${cell} holds #N/A: fix or clear that cell (an error in a range is the result, as in SUM)`,
      });
      // #DIV/0! carries no message in Excel.
      expect(call(id, ...args(div0()))).toMatchObject({ error: "#DIV/0!" });
    });

    it("scalar arguments too (CLV, SALES_VELOCITY, PIPELINE_COVERAGE)", () => {
      expect(call("CLV", 1000, na(), 0.05)).toMatchObject({ error: "#N/A" });
      expect(call("SALES_VELOCITY", 10, 0.2, div0(), 30)).toMatchObject({ error: "#DIV/0!" });
      expect(call("PIPELINE_COVERAGE", 300, na(), null)).toMatchObject({ error: "#N/A" });
    });

    it("in Arabic Excel the message is Arabic", () => {
      const ar = builtCaller("ar-SA");
      expect(ar("AVG_DEAL_SIZE", col(1, na()), col("Won", "Won"), null, null)).toEqual({
        error: "#N/A",
        message:
          "المبلغ رقم 2 فيه الخطأ #N/A: صحّح الخلية أو امسحها (الخطأ في نطاق هو النتيجة، كما في SUM)",
      });
      expect(
        ar("SALES_CYCLE", col(46000), col("03/04/2026"), col("Won"), null, null)
      ).toMatchObject({
        error: "#VALUE!",
        message: expect.stringContaining("تاريخ الإغلاق رقم 1 تاريخ محفوظ نصًا"),
      });
    });

    it('text that reads "#N/A" (imported as text) is a stage like any other', () => {
      expect(call("WIN_RATE", col("#N/A", "Won", "Lost"), null, null, null, null)).toBe(1 / 2);
    });
  });

  describe("text numbers in other locales", () => {
    const typed: [string, number][] = [
      ["1,234.50", 1234.5],
      ["1.234,50", 1234.5],
      ["€1.234,50", 1234.5],
      ["1 234,5", 1234.5],
      ["12,5", 12.5],
      ["0,75", 0.75],
      ["1.234.567", 1234567],
      ["$1,200", 1200],
      [" 42 ", 42],
      ["١٢٣", 123],
      ["١٬٢٣٤٫٥", 1234.5],
      ["(300)", -300],
      ["1,234", 1234], // ambiguous: the default reading
    ];
    it("AVG_DEAL_SIZE reads every spelling as the number it shows", () => {
      const texts = typed.map(([t]) => t);
      const numbers = typed.map(([, n]) => n);
      const stages = texts.map((_, i) => (i % 3 === 2 ? "Lost" : "Won"));
      const keep = stages.map((s) => s === "Won");
      expect(call("AVG_DEAL_SIZE", col(...texts), col(...stages), null, null)).toBeCloseTo(
        mean(pick(numbers, keep)),
        9
      );
      expect(
        call(
          "PIPELINE_VALUE",
          col(...texts),
          col(...texts.map(() => "Demo")),
          null,
          null,
          null,
          null
        )
      ).toBeCloseTo(sum(numbers), 6);
    });
    it("the same spellings as scalar arguments (CLV)", () => {
      expect(call("CLV", "1.234,50", "80%", "0,05")).toBeCloseTo((1234.5 * 0.8) / 0.05, 9);
    });
  });

  describe("text as Arabic workbooks and other exports write it", () => {
    it("Arabic-Indic dates, ٪, bidi marks, the minus sign and a trailing minus", () => {
      expect(call("SALES_CYCLE", col(46000), col("٢٠٢٦-٠٣-٣١"), col("Won"), null, null)).toBe(
        46112 - 46000
      );
      expect(
        call("WEIGHTED_PIPELINE", col(100, 300), col("Demo", "Demo"), col("50٪", "25%"), null)
      ).toBeCloseTo(100 * 0.5 + 300 * 0.25, 12);
      const texts = ["\u200f-500", "\u200e1,000\u200e", "\u2212250", "400-", "١٬٠٠٠ ر.س"];
      const numbers = [-500, 1000, -250, -400, 1000];
      expect(
        call("AVG_DEAL_SIZE", col(...texts), col(...texts.map(() => "Won")), null, null)
      ).toBeCloseTo(mean(numbers), 12);
    });
    it("a list of stage names typed with the Arabic comma (،)", () => {
      const stages = ["مكسوبة", "موقعة", "خاسرة", "عرض"];
      expect(call("WIN_RATE", col(...stages), null, "مكسوبة، موقعة", "خاسرة", null)).toBe(2 / 3);
    });
  });

  describe("dates as serials, ISO text and JS Date", () => {
    it("SALES_CYCLE and PIPELINE_VALUE agree on every spelling", () => {
      const serial = 46112; // 2026-03-31
      const spellings: unknown[] = [serial, "2026-03-31", new Date(2026, 2, 31)];
      for (const d of spellings) {
        expect(call("SALES_CYCLE", col(46000), col(d), col("Won"), null, null)).toBe(
          serial - 46000
        );
        expect(
          call("PIPELINE_VALUE", col(5, 7), col("Demo", "Won"), col(d, d), serial, serial, null)
        ).toBe(5);
      }
    });
    it("a text date whose order its range cannot tell is refused, naming the cell and the fix", () => {
      for (const text of ["03/04/2026", "04.03.2026", "03-04-26"]) {
        expect(call("SALES_CYCLE", col(46000), col(text), col("Won"), null, null)).toEqual({
          error: "#VALUE!",
          message: `Closed #1 is a date kept as text: "${text}"; retype it as a date in Excel or write it as year-month-day (2026-03-31)`,
        });
      }
      expect(
        call("PIPELINE_VALUE", col(5), col("Demo"), col(46000), "01/02/2026", null, null)
      ).toEqual({
        error: "#VALUE!",
        message:
          'from_date is a date kept as text: "01/02/2026"; retype it as a date in Excel or write it as year-month-day (2026-03-31)',
      });
    });
  });

  describe("day-first / month-first text dates: the range decides the order", () => {
    /** Days since 1899-12-30 of y-m-d, computed here without the add-in. */
    const serialOf = (y: number, m: number, d: number): number =>
      (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const pad = (n: number): string => String(n).padStart(2, "0");
    /** A European CRM's export: day/month/year, as typed in the CSV. */
    const dmy = ([y, m, d]: readonly number[]): string => `${pad(d)}/${pad(m)}/${y}`;
    /** What a US-locale Excel makes of that text: a day ≤ 12 becomes a (swapped) date serial. */
    const openedInUsExcel = ([y, m, d]: readonly number[]): unknown =>
      d <= 12 ? serialOf(y, d, m) : dmy([y, m, d]);
    /** How the add-in reads the cell: serials as they are, text day-first (what this range proves). */
    const asRead = (cell: unknown): number => {
      if (typeof cell === "number") return cell;
      const [d, m, y] = String(cell).split("/").map(Number);
      return serialOf(y, m, d);
    };
    const DEALS: { created: number[]; closed: number[]; stage: string }[] = [
      { created: [2026, 1, 15], closed: [2026, 3, 31], stage: "Won" },
      { created: [2026, 1, 20], closed: [2026, 2, 14], stage: "Won" },
      { created: [2026, 2, 2], closed: [2026, 4, 1], stage: "Lost" },
      { created: [2026, 2, 17], closed: [2026, 5, 28], stage: "Won" },
      { created: [2026, 3, 13], closed: [2026, 4, 10], stage: "Won" },
      { created: [2026, 3, 3], closed: [2026, 6, 9], stage: "Demo" },
    ];
    const stages = col(...DEALS.map((r) => r.stage));
    const wonRows = DEALS.filter((r) => r.stage === "Won");

    it("SALES_CYCLE on a column pasted as text reads every date day-first", () => {
      const created = col(...DEALS.map((r) => dmy(r.created)));
      const closed = col(...DEALS.map((r) => dmy(r.closed)));
      const days = wonRows.map(
        (r) =>
          serialOf(...(r.closed as [number, number, number])) -
          serialOf(...(r.created as [number, number, number]))
      );
      expect(call("SALES_CYCLE", created, closed, stages, null, null)).toBeCloseTo(mean(days), 12);
    });

    it("SALES_CYCLE on the CSV opened in a US-locale Excel keeps its serials, reads its text day-first", () => {
      const created = DEALS.map((r) => openedInUsExcel(r.created));
      const closed = DEALS.map((r) => openedInUsExcel(r.closed));
      expect(created.some((c) => typeof c === "number")).toBe(true);
      expect(closed.some((c) => typeof c === "string")).toBe(true);
      const days = DEALS.flatMap((r, i) =>
        r.stage === "Won" ? [asRead(closed[i]) - asRead(created[i])] : []
      );
      expect(call("SALES_CYCLE", col(...created), col(...closed), stages, null, null)).toBeCloseTo(
        mean(days),
        12
      );
    });

    it("STALE_DEALS reads a month-first column, its as_of given as day-first text", () => {
      const activity: [number, number, number][] = [
        [2026, 3, 2],
        [2026, 3, 20],
        [2026, 2, 11],
        [2026, 3, 31],
        [2026, 1, 13],
      ];
      const dealStages = ["Demo", "Proposal", "Won", "Demo", "Proposal"];
      const mdy = ([y, m, d]: [number, number, number]) => `${pad(m)}/${pad(d)}/${y}`;
      const asOf: [number, number, number] = [2026, 4, 3];
      const stale = activity.filter(
        (a, i) => dealStages[i] !== "Won" && serialOf(...asOf) - serialOf(...a) > 14
      ).length;
      expect(stale).toBe(2);
      expect(
        call("STALE_DEALS", col(...activity.map(mdy)), col(...dealStages), 14, "03/04/2026", null)
      ).toEqual({
        error: "#VALUE!",
        message: expect.stringContaining("as_of is a date kept as text"),
      });
      expect(
        call("STALE_DEALS", col(...activity.map(mdy)), col(...dealStages), 14, "30/04/2026", null)
      ).toBe(
        activity.filter(
          (a, i) => dealStages[i] !== "Won" && serialOf(2026, 4, 30) - serialOf(...a) > 14
        ).length
      );
      expect(
        call(
          "STALE_DEALS",
          col(...activity.map(mdy)),
          col(...dealStages),
          14,
          serialOf(...asOf),
          null
        )
      ).toBe(stale);
    });

    it("a range mixing both orders is refused, naming a cell of each, in English and Arabic", () => {
      const closed = col("31/03/2026", "03/04/2026", "03/31/2026");
      const created = col(46000, 46000, 46000);
      expect(call("SALES_CYCLE", created, closed, col("Won", "Won", "Won"), null, null)).toEqual({
        error: "#VALUE!",
        message:
          'Closed #1 ("31/03/2026") is day-first but Closed #3 ("03/31/2026") is month-first: the text dates of this range mix both orders, so none can be read; retype them as dates in Excel or write them as year-month-day (2026-03-31)',
      });
      const ar = builtCaller("ar-SA");
      expect(
        ar("SALES_CYCLE", created, closed, col("Won", "Won", "Won"), null, null)
      ).toMatchObject({
        error: "#VALUE!",
        message: expect.stringContaining("تاريخ الإغلاق رقم 3"),
      });
    });
  });

  describe("stage text with case, spaces and invisible characters", () => {
    const messy = [
      "Closed\u00a0Won",
      " closed  lost ",
      "CLOSED-WON",
      "Won\u200b",
      "\u200fWon",
      "Lost\ufeff",
      "Demo\u00a0",
    ];
    it("WIN_RATE, FUNNEL and COMPETITOR_WIN_RATE read them as the clean names", () => {
      const clean = ["Won", "Lost", "Won", "Won", "Won", "Lost", "Demo"];
      const w = clean.filter((s) => s === "Won").length;
      const l = clean.filter((s) => s === "Lost").length;
      expect(call("WIN_RATE", col(...messy), null, null, null, null)).toBe(w / (w + l));
      expect(call("FUNNEL", col(...messy), col("demo", "WON"), null)).toEqual(
        call("FUNNEL", col(...clean), col("demo", "WON"), null)
      );
      const rivals = messy.map((_, i) => (i % 2 ? "Acme\u200b Corp" : "acme\u00a0corp"));
      expect(
        call("COMPETITOR_WIN_RATE", col(...rivals), col(...messy), "Acme Corp", null, null)
      ).toBe(w / (w + l));
    });
  });

  describe("FUNNEL: a won deal whose stage is not in stage_order passed every stage", () => {
    it("Proposal counts the won deals that went through it", () => {
      const rows = call("FUNNEL", col(...STAGES), col("Demo", "Proposal"), null) as unknown[][];
      const reachedProposal = STAGES.filter((s) => s === "Proposal" || s === "Won").length;
      const all = STAGES.length;
      expect(rows).toEqual([
        ["Demo", all, 1],
        ["Proposal", reachedProposal, reachedProposal / all],
      ]);
    });
  });

  describe.each(BLANKS)("an optional argument given as one blank cell, passed as %s", (_n, b) => {
    const blank = [[b]];
    it("is the same as omitting it", () => {
      const same = (id: string, given: unknown[], omitted: unknown[]) =>
        expect(call(id, ...given)).toEqual(call(id, ...omitted));
      const S = col(...STAGES);
      const A = col(...AMOUNTS);
      same("WIN_RATE", [S, blank, null, null, null], [S, null, null, null, null]);
      same("WIN_RATE", [S, null, blank, blank, blank], [S, null, null, null, null]);
      same("AVG_DEAL_SIZE", [A, S, blank, blank], [A, S, null, null]);
      same("PIPELINE_VALUE", [A, S, blank, null, null, blank], [A, S, null, null, null, null]);
      same(
        "COMPETITOR_WIN_RATE",
        [col(...STAGES.map(() => "X")), S, "X", blank, blank],
        [col(...STAGES.map(() => "X")), S, "X", null, null]
      );
      same(
        "PRICE_REALIZATION",
        [col(90, 80), col(100, 100), blank],
        [col(90, 80), col(100, 100), null]
      );
      same(
        "PERIOD_TOTALS",
        [col(...CLOSED), A, null, null, null, blank, null, null],
        [col(...CLOSED), A, null, null, null, null, null, null]
      );
      same("GROWTH", [col(100, 110, 121), null, blank], [col(100, 110, 121), null, null]);
      same("WEIGHTED_PIPELINE", [A, S, blank, null], [A, S, null, null]);
      same("FUNNEL", [S, col("Demo", "Won"), blank], [S, col("Demo", "Won"), null]);
    });
    it("scalar options: a blank is the default, and 0 too where 0 is never valid", () => {
      expect(call("GROWTH", col(100, 110, 121), b, null)).toBeCloseTo(121 / 110 - 1, 12);
      const D = col(...CLOSED);
      const A = col(...AMOUNTS);
      expect(call("PERIOD_TOTALS", D, A, "quarter", null, null, null, null, b)).toEqual(
        call("PERIOD_TOTALS", D, A, "quarter", null, null, null, null, null)
      );
      expect(
        call("STALE_DEALS", col(...ACTIVITY), col(...STAGES), 14, b === 0 ? null : b, null)
      ).toBe(call("STALE_DEALS", col(...ACTIVITY), col(...STAGES), 14, null, null));
    });
    it("a required number left blank is 0, as Excel reads an empty argument", () => {
      expect(call("CLV", 1000, 0.8, b)).toMatchObject({ error: "#DIV/0!" });
      expect(call("SALES_VELOCITY", b, 0.25, 12000, 60)).toBe(0);
      expect(call("PIPELINE_COVERAGE", 300, b, null)).toMatchObject({ error: "#DIV/0!" });
      expect(
        call(
          "QUOTA_ATTAINMENT",
          col(...AMOUNTS),
          col(...STAGES),
          col(...CLOSED),
          b,
          null,
          null,
          null
        )
      ).toMatchObject({
        error: "#DIV/0!",
      });
    });
  });
});
