/**
 * A large Deals table for payload tests: the sample deals repeated to `count` rows (unique IDs,
 * Probability left to the table's formula), written in one go and the table resized over them.
 */
import type { StandIn } from "../../preview/excel";
import { tableRows } from "./tables";

/**
 * Grows the Deals table (on the Deals sheet, from A1) to `count` rows.
 *
 * @param s the stand-in (installed, set up with sample data)
 * @param count body rows wanted
 * @param cell optional override of one cell: return undefined to keep the repeated value
 * @example
 * await growDeals(s, 50_000);
 */
export async function growDeals(
  s: StandIn,
  count: number,
  cell?: (header: string, row: number) => unknown
): Promise<void> {
  const deals = tableRows(s, "Deals");
  const headers = Object.keys(deals[0]);
  const rows: unknown[][] = [];
  for (let i = 0; rows.length < count; i++) {
    const d = deals[i % deals.length];
    rows.push(
      headers.map(
        (h) => cell?.(h, i) ?? (h === "Deal ID" ? `BIG-${i}` : h === "Probability" ? "" : d[h])
      )
    );
  }
  const last = String.fromCharCode(64 + headers.length);
  s.setValues("Deals", `A2:${last}${count + 1}`, rows);
  await Excel.run(async (context) => {
    context.workbook.tables.getItem("Deals").resize(`A1:${last}${count + 1}`);
    await context.sync();
  });
}
