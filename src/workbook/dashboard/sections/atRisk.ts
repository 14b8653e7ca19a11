/**
 * Top open deals at risk: one formula spilling the 10 largest stale or overdue open deals of
 * the owner filter, with the reason.
 */
import { TABLES } from "../../../model/schema";
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
    const risk = `${f.openMask}*${f.dealOwnerMask}*((${stale}+${overdue})>0)`;
    const masked = (column: string): string =>
      `IF(${risk},${column === "Amount" ? f.amount : `${D}[${column}]`},"")`;
    const reason = `IF(${risk},IF(${stale},IF(${overdue},${lit(`${t(CAPTIONS.stale)} + ${t(CAPTIONS.overdue)}`)},${lit(t(CAPTIONS.stale))}),${lit(t(CAPTIONS.overdue))}),"")`;
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
