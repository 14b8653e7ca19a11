/**
 * Range arguments of proxy methods: an address (on a sheet, or sheet-qualified) or a Range proxy.
 */
import { parseAddress } from "./address";
import { unwrapDeep } from "./client";
import { excelError } from "./errors";
import { RangeRef, SheetModel, WorkbookModel, isRangeRef } from "./model";

/**
 * Resolves a range argument at sync time.
 *
 * @param model the workbook
 * @param x an address or a Range proxy
 * @param sheet the sheet an unqualified address is on (null: the active sheet)
 * @param where the API member, for the error location
 * @returns the reference
 */
export function rangeArg(
  model: WorkbookModel,
  x: unknown,
  sheet: SheetModel | null,
  where: string
): RangeRef {
  if (typeof x === "string") {
    const p = parseAddress(x);
    if (p.sheet !== undefined) return { sheet: model.sheet(p.sheet, where), rect: p };
    if (!sheet) return model.rangeFromAddress(x, where);
    return { sheet, rect: p };
  }
  const r = unwrapDeep(x);
  if (!isRangeRef(r))
    throw excelError(
      "InvalidArgument",
      "The argument is invalid or missing or has an incorrect format.",
      where
    );
  return r;
}
