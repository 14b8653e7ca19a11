import { amountCurrency, currencyCode } from "../../../src/engine/csv/currency";
import { readAmount } from "../../../src/engine/csv/numbers";
import { parseNumericText } from "../../../src/engine/numberText";

const arDigits = (t: string): string =>
  t
    .replace(/\d/g, (c) => String.fromCharCode(0x660 + +c))
    .replace(/,/g, "٬")
    .replace(/\./g, "٫");

/** The Arab currencies' symbols as their locales write them, with and without the final dot. */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ["ر.س", "SAR"],
  ["د.إ", "AED"],
  ["ج.م", "EGP"],
  ["ج.م.", "EGP"],
  ["د.ك", "KWD"],
  ["د.ك.", "KWD"],
  ["ر.ق", "QAR"],
  ["ر.ق.", "QAR"],
  ["د.أ", "JOD"],
  ["د.أ.", "JOD"],
  ["د.م.", "MAD"],
  ["د.م", "MAD"],
  ["ر.ع.", "OMR"],
  ["ر.ع", "OMR"],
  ["د.ب", "BHD"],
  ["د.ب.", "BHD"],
];
const CODES = ["SAR", "AED", "EGP", "KWD", "QAR", "JOD", "MAD", "OMR", "BHD"];

/** Every way an amount is written: symbol or code, before or after, glued or spaced. */
function spellings(mark: string, number: string): string[] {
  return [
    `${mark} ${number}`,
    `${number} ${mark}`,
    `${mark}${number}`,
    `${number}${mark}`,
    `\u200f${number}\u00a0${mark}\u200f`,
  ];
}

describe("Arab currencies in the import", () => {
  const amount = 1234.5;
  const western = "1,234.50";
  const arabic = arDigits(western); // ١٬٢٣٤٫٥٠

  for (const [mark, code] of [...SYMBOLS, ...CODES.map((c) => [c, c] as const)]) {
    it.each([...spellings(mark, western), ...spellings(mark, arabic)])(
      `reads %p as ${amount} ${code}`,
      (text) => {
        expect(readAmount(text, ".")).toBe(amount);
        expect(amountCurrency(text)).toBe(code);
      }
    );
  }

  it.each(SYMBOLS)("the Currency cell %p is %p", (mark, code) =>
    expect(currencyCode(mark)).toBe(code)
  );

  it.each([
    ["دينار كويتي", "KWD"],
    ["ريال قطري", "QAR"],
    ["دينار أردني", "JOD"],
    ["درهم مغربي", "MAD"],
    ["ريال عماني", "OMR"],
    ["دينار بحريني", "BHD"],
    ["Omani Rial", "OMR"],
    ["Bahraini Dinar", "BHD"],
    ["Jordanian Dinar", "JOD"],
    ["Moroccan Dirham", "MAD"],
  ])("the currency name %p is %p", (name, code) => expect(currencyCode(name)).toBe(code));
});

describe("Arab currencies in the functions' cell reading", () => {
  const amount = 1234.5;
  for (const [mark] of [...SYMBOLS, ...CODES.map((c) => [c, c] as const)]) {
    it.each([...spellings(mark, "1,234.50"), ...spellings(mark, arDigits("1,234.50"))])(
      `reads %p as ${amount}`,
      (text) => expect(parseNumericText(text)).toBe(amount)
    );
    it(`reads a negative ${mark} amount`, () => {
      expect(parseNumericText(`-${arDigits("1,234.50")} ${mark}`)).toBe(-amount);
      expect(parseNumericText(`(${mark} 1,234.50)`)).toBe(-amount);
    });
  }

  it("still refuses a word that is no currency", () => {
    expect(parseNumericText("١٢٣ كيلو")).toBeUndefined();
    expect(parseNumericText("abc 12")).toBeUndefined();
  });
});
