import * as fs from "fs";
import * as path from "path";
import { helpRuns } from "../../src/taskpane/gallery/helpText";

const table = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "src/functions/i18n/ar.json"), "utf8")
) as Record<string, { description: string; parameters: Record<string, string> }>;

describe("function help in the gallery: code-like runs isolated left-to-right", () => {
  it("isolates structured references, ids and quoted names, whole", () => {
    const text = table.WIN_RATE.parameters.stage_table;
    const code = helpRuns(text)
      .filter((r) => r.code)
      .map((r) => r.text);
    expect(code).toEqual(
      expect.arrayContaining([
        "Stages[#All]",
        "Stages[#Data]",
        "Is Won",
        "Is Lost",
        "(closedwon = Closed Won)",
      ])
    );
    expect(helpRuns('تُحسب "Closed Won" و"Won" رابحة').filter((r) => r.code)).toEqual([
      { text: '"Closed Won"', code: true },
      { text: '"Won"', code: true },
    ]);
  });

  it("keeps every character, in order, for every Arabic description", () => {
    for (const f of Object.values(table))
      for (const text of [f.description, ...Object.values(f.parameters)]) {
        const runs = helpRuns(text);
        expect(runs.map((r) => r.text).join("")).toBe(text);
        for (const r of runs.filter((x) => x.code)) expect(r.text).not.toMatch(/[\u0600-\u06ff]/);
      }
  });

  it("leaves a lone digit to the paragraph", () => {
    expect(helpRuns("من 0 إلى 1").every((r) => !r.code)).toBe(true);
  });
});
