import { readDateSerials, readOption, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import {
  RESPONSE_STATISTICS,
  TIME_UNITS,
  leadResponseTime,
} from "../../engine/metrics/leadResponseTime";
import { excel } from "../adapter";

/**
 * Lead response time: median (or mean, or 90th percentile) time from lead creation to first contact.
 * @customfunction LEAD_RESPONSE_TIME
 * @param created Each lead's creation date-time (date or ISO text; an offset such as Z or +02:00 is honoured, text without one is local time), e.g. Leads[Created]. Text such as 31/03/2026 is read day-first or month-first as the range's own text dates prove.
 * @param first_contact Each lead's first contact date-time, same shape. Leads missing either time are skipped.
 * @param [statistic] "median" (default), "mean" or "p90" (nearest-rank 90th percentile).
 * @param [unit] "hours" (default), "minutes" or "days".
 * @returns The response time in the chosen unit.
 * @example =SALES.LEAD_RESPONSE_TIME(Leads[Created], Leads[First Contact], "p90", "hours")
 */
export function leadResponseTimeFunction(
  created: any[][],
  first_contact: any[][],
  statistic?: any,
  unit?: any
): number {
  return excel(() => {
    [created, first_contact] = withoutHeaderRow(["date", created], ["date", first_contact]);
    const shape = sameShape(["created", created], ["first_contact", first_contact]);
    if (shape) return shape;
    const start = readDateSerials(created, "Created");
    if (isError(start)) return start;
    const contact = readDateSerials(first_contact, "First contact");
    if (isError(contact)) return contact;
    const stat = readOption(statistic, "statistic", RESPONSE_STATISTICS);
    if (isError(stat)) return stat;
    const per = readOption(unit, "unit", TIME_UNITS);
    if (isError(per)) return per;
    return leadResponseTime(start, contact, stat, per);
  });
}
