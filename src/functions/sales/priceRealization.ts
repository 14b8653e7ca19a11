import { optionalRange, readAmounts, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { priceRealization } from "../../engine/metrics/priceRealization";
import { excel } from "../adapter";

/**
 * Price realization: net revenue ÷ list-price revenue (1 minus it is the average discount).
 * @customfunction PRICE_REALIZATION
 * @param net_prices Each line's net (charged) unit price, e.g. Lines[Net Price]; 0 or more.
 * @param list_prices Each line's list unit price, same shape; 0 or more. A line without one (0 or blank) is left out, its net price too.
 * @param [quantities] Each line's quantity, same shape; 1 each when omitted. Blank quantities count as 0; a return is a negative quantity.
 * @returns Sum of net × quantity ÷ sum of list × quantity, as a fraction.
 * @example =SALES.PRICE_REALIZATION(Lines[Net Price], Lines[List Price], Lines[Qty])
 */
export function priceRealizationFunction(
  net_prices: any[][],
  list_prices: any[][],
  quantities?: any[][]
): number {
  return excel(() => {
    quantities = optionalRange(quantities, net_prices);
    [net_prices, list_prices, quantities] = withoutHeaderRow(
      ["number", net_prices],
      ["number", list_prices],
      ["number", quantities]
    );
    const shape = sameShape(
      ["net_prices", net_prices],
      ["list_prices", list_prices],
      ["quantities", quantities]
    );
    if (shape) return shape;
    const net = readAmounts(net_prices, "Net price");
    if (isError(net)) return net;
    const list = readAmounts(list_prices, "List price");
    if (isError(list)) return list;
    if (quantities === null || quantities === undefined) return priceRealization(net, list, null);
    const qty = readAmounts(quantities, "Quantity");
    return isError(qty) ? qty : priceRealization(net, list, qty);
  });
}
