/**
 * Hijri (Umm al-Qura) dates, as a CRM on a Saudi (ar-SA) locale may export them: `1448/06/15`,
 * `15/06/1448`, `١٤٤٨/٠٦/١٥ هـ`, `15 جمادى الآخرة 1448`. They are recognised only to be refused
 * with a message that says so and how to fix it: a plain arithmetic Hijri calendar is a day or
 * two off the Umm al-Qura one for many months, which is not acceptable for close dates, and the
 * exact calendar is a table published by the Saudi authorities, not a formula.
 *
 * A Gregorian date never looks like one of these (a year 1300–1500, a Hijri month name, or the
 * Hijri era mark هـ after a number), so a match is never a Gregorian date misread.
 */

import { ARABIC_MARKS } from "../arabicLetters";
import { INVISIBLE, westernize } from "../numberText";

/** The years a Hijri export of the last two centuries and the next one can show. */
const MIN_YEAR = 1300;
const MAX_YEAR = 1500;

// The Arabic letter mark, which INVISIBLE (the bidi controls the functions drop) leaves.
const ALM = /\u061c/g;

/** Year-first and day-first numeric dates, with any of the usual separators. */
const YEAR_FIRST = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:$|[\sT,])/;
const YEAR_LAST = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?:$|[\s,])/;

/** The era mark after a year: "1448 هـ", "1448هـ", "١٤٤٨ ه". */
const ERA = /\d\s*هـ?(?=$|[\s.,،)])/;

/**
 * Hijri month names in Arabic (with the common spellings: hamza or not, ذو/ذي) and their usual
 * Latin transliterations, compared after dropping harakat and tatweel.
 */
const MONTH_NAMES = new RegExp(
  [
    "محرم",
    "صفر",
    "ربيع (?:ال)?(?:[أا]ول|[آا]خر|ثاني)",
    "جمادى? (?:ال)?(?:[أا]ول[ىي]?|[آا]خر[ةه]?|ثاني[ةه]?)",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذ[وي] ?ال?قعد[ةه]",
    "ذ[وي] ?ال?حج[ةه]",
    "muharram",
    "safar",
    "rabi[`'‘’]? ?(?:al|ul|el)?[- ]?(?:awwal|thani|akhir)",
    "jumad[ai]?[`'‘’]? ?(?:al|ul|el)?[- ]?(?:awwal|ula|thani|akhir|akhirah)",
    "rajab",
    "sha[`'‘’]?ban",
    "ramadh?an",
    "shaww?al",
    "dhu?[`'‘’]?l?[- ]?(?:al)?[- ]?qi?[`'‘’]?dah",
    "dhu?[`'‘’]?l?[- ]?(?:al)?[- ]?hijj?ah",
  ].join("|"),
  "i"
);

/**
 * Arabic-Indic and Persian digits as ASCII, without bidi marks, harakat and tatweel (month names
 * may carry them: "رَمَضان", "شعبـان").
 */
function plain(text: string): string {
  return westernize(text.replace(INVISIBLE, "").replace(ALM, "").replace(ARABIC_MARKS, ""))
    .replace(/\s+/g, " ")
    .trim();
}

function hijriParts(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  // Hijri months have 29 or 30 days.
  return y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= 30;
}

/**
 * Whether a date cell's text is a Hijri date (see the module comment for the forms).
 *
 * @param text the cell text
 * @returns true for a Hijri date
 * @example
 * isHijriDate("1448/06/15"); // true
 * isHijriDate("١٥ رمضان ١٤٤٧ هـ"); // true
 * isHijriDate("2026-06-15"); // false
 */
export function isHijriDate(text: string): boolean {
  const t = plain(text);
  if (t === "" || !/\d/.test(t)) return false;
  let m = YEAR_FIRST.exec(t);
  if (m && hijriParts(m[1], m[2], m[3])) return true;
  m = YEAR_LAST.exec(t);
  if (m && hijriParts(m[3], m[2], m[1])) return true;
  return ERA.test(t) || MONTH_NAMES.test(t);
}
