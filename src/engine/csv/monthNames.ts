/**
 * Dates as other locales write them, rewritten into the English forms the date reader knows:
 * Arabic-Indic and Persian digits, right-to-left marks around a value (Arabic Excel copies them),
 * the Arabic comma, and month names in Arabic (Egyptian/Gulf, Levantine and Maghreb names),
 * French, German and Spanish, with their usual abbreviations ("15. März 2026",
 * "١٥ مارس ٢٠٢٦", "15 de marzo de 2026", "4 déc. 2026").
 */

const MONTH_WORDS: readonly (readonly string[])[] = [
  ["يناير", "كانون الثاني", "جانفي", "janvier", "janv", "januar", "jän", "jänner", "enero", "ene"],
  ["فبراير", "شباط", "فيفري", "février", "fevrier", "févr", "fevr", "februar", "febrero"],
  ["مارس", "آذار", "mars", "märz", "maerz", "mär", "mrz", "marzo"],
  ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "avril", "avr", "abril", "abr"],
  ["مايو", "أيار", "ماي", "mai", "mayo"],
  ["يونيو", "يونيه", "حزيران", "جوان", "juin", "juni", "junio"],
  ["يوليو", "يوليه", "تموز", "جويلية", "juillet", "juil", "juli", "julio"],
  ["أغسطس", "اغسطس", "آب", "أوت", "août", "aout", "agosto", "ago"],
  ["سبتمبر", "أيلول", "septembre", "septiembre", "setiembre", "sept", "set"],
  ["أكتوبر", "اكتوبر", "تشرين الأول", "octobre", "oktober", "okt", "octubre"],
  ["نوفمبر", "تشرين الثاني", "novembre", "noviembre"],
  ["ديسمبر", "كانون الأول", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic"],
];
const ENGLISH = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

const WORD_MONTH = new Map<string, string>();
MONTH_WORDS.forEach((words, i) => words.forEach((w) => WORD_MONTH.set(w, ENGLISH[i])));
/** Two-word names first (Levantine "كانون الثاني"), then any word of letters. */
const NAME = new RegExp(
  `${MONTH_WORDS.flat()
    .filter((w) => w.includes(" "))
    .join("|")}|[\\p{L}]+\\.?`,
  "gu"
);
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/**
 * A date text in another locale rewritten in the forms the date reader knows; the text itself
 * when there is nothing to rewrite.
 *
 * @param text a date cell's text
 * @returns the rewritten text
 * @example
 * localizedDateText("١٥ مارس ٢٠٢٦"); // "15 Mar 2026"
 * localizedDateText("15. März 2026"); // "15 Mar 2026"
 * localizedDateText("15 de marzo de 2026"); // "15 Mar 2026"
 */
export function localizedDateText(text: string): string {
  let t = text.replace(BIDI, "");
  t = t.replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x660));
  t = t.replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - 0x6f0));
  t = t
    .replace(/\u060c/g, ",")
    .replace(/\s+/g, " ")
    .trim();
  t = t.replace(NAME, (w) => {
    const bare = w.toLowerCase().replace(/\.$/, "");
    return WORD_MONTH.get(bare) ?? (bare === "de" ? "" : w);
  });
  // "15. Mar 2026" (German day with a dot), "15 Mar  2026" after dropping "de".
  return t
    .replace(/^(\d{1,2})\.\s/, "$1 ")
    .replace(/\s+/g, " ")
    .trim();
}
