/**
 * Top open deals at risk: one formula spilling the 10 largest stale, overdue or stuck open deals
 * of the owner filter, with the reasons (SALES.STUCK_DEALS over the History table).
 */
import { Caption, TABLES } from "../../../model/schema";
import { CAPTIONS } from "../captions";
import { lit } from "../formulas";
import { col } from "../layout";
import { CAPACITY, DASH_NAMES } from "../types";
import { SectionDef } from "./section";

const HEADERS = [
  CAPTIONS.deal,
  CAPTIONS.account,
  CAPTIONS.owner,
  CAPTIONS.stage,
  CAPTIONS.amount,
  CAPTIONS.expectedClose,
  CAPTIONS.lastActivity,
  CAPTIONS.risk,
];

/** The deals-at-risk section. */
export const atRisk: SectionDef = {
  key: "atRisk",
  title: CAPTIONS.atRisk,
  headers: HEADERS,
  reserved: () => CAPACITY.atRisk,
  used: () => CAPACITY.atRisk,
  withChart: false,
  fill: ({ t, f, fmt, draft }, { first }) => {
    const D = TABLES.deals;
    const N = DASH_NAMES;
    const stale = `(${D}[Last Activity]<${N.asOf}-${N.staleDays})`;
    const overdue = `(${D}[Expected Close]>0)*(${D}[Expected Close]<${N.asOf})`;
    // Stuck: longer than 1.5× its stage's average time, from the History snapshots (nothing
    // before two snapshots, or in a workbook without History).
    const stuckIds = `IFERROR(INDEX(SALES.STUCK_DEALS(${TABLES.history}[#All],${f.stageTable}),0,1),"")`;
    const stuck = `ISNUMBER(MATCH(${D}[Deal ID],${stuckIds},0))`;
    const risk = `${f.openMask}*${f.dealOwnerMask}*((${stale}+${overdue}+${stuck})>0)`;
    const masked = (column: string): string =>
      `IF(${risk},${column === "Amount" ? f.amount : `${D}[${column}]`},"")`;
    // The reasons that apply, joined with " + " (MID drops the leading separator).
    const part = (cond: string, c: Caption): string => `IF(${cond},${lit(` + ${t(c)}`)},"")`;
    const reasons = [
      part(stale, CAPTIONS.stale),
      part(overdue, CAPTIONS.overdue),
      part(stuck, CAPTIONS.stuck),
    ];
    const reason = `IF(${risk},MID(${reasons.join("&")},4,200),"")`;
    const columns = [
      "Deal Name",
      "Account",
      "Owner",
      "Stage",
      "Amount",
      "Expected Close",
      "Last Activity",
    ];
    // The amount in the reporting currency ("" without a rate: sorted as 0, shown blank).
    const amountKey = `IF(ISNUMBER(${f.amount}),${f.amount},0)`;
    const formula =
      `=IFERROR(INDEX(SORT(HSTACK(${columns.map(masked).join(",")},${reason},IF(${risk},${amountKey},-1)),9,-1),` +
      `SEQUENCE(${CAPACITY.atRisk}),SEQUENCE(1,${HEADERS.length})),"")`;
    draft.cell(first, col(0), formula, "cell");
    draft.format(first + 1, col(0), CAPACITY.atRisk - 1, 1, "cell");
    for (let k = 1; k < HEADERS.length; k++) {
      const nf = k === 4 ? fmt.money : k === 5 || k === 6 ? fmt.date : undefined;
      draft.format(first, col(k), CAPACITY.atRisk, 1, "cell", nf);
    }
  },
};
