/**
 * Search of the function gallery: every word of the query must appear in the function's id,
 * description or parameters. Arabic text is compared without diacritics and with the letter
 * variants people type interchangeably (أ/إ/آ/ا, ى/ي, ة/ه), so "نسبه الفوز" finds "نسبة الفوز".
 */
import { FunctionInfo } from "./metadata";
import { NAMESPACE } from "./examples";
import { foldArabicLetters } from "../../engine/arabicLetters";

/**
 * Normalizes text for matching: lower case, Arabic letter variants folded, diacritics and
 * tatweel removed, `_`, `.` and punctuation treated as spaces.
 *
 * @param value the text
 * @returns the normalized text
 * @example
 * normalizeSearchText("SALES.WIN_RATE"); // "sales win rate"
 * normalizeSearchText("نِسْبَة"); // "نسبه"
 */
export function normalizeSearchText(value: string): string {
  return foldArabicLetters(value.toLowerCase())
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/[_.,;:()[\]"'،؛÷×=+\-/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The functions matching a query: those whose name holds every word first, then those whose
 * description does, then matches in parameters only; the original order within each group.
 * An empty query matches all.
 *
 * @param functions the gallery's functions
 * @param query what the user typed
 * @returns the matching functions
 * @example
 * filterFunctions(all, "win rate").map((f) => f.id); // ["WIN_RATE", "COMPETITOR_WIN_RATE", …]
 */
export function filterFunctions(
  functions: readonly FunctionInfo[],
  query: string
): readonly FunctionInfo[] {
  const words = normalizeSearchText(query).split(" ").filter(Boolean);
  if (words.length === 0) return functions;
  const has = (parts: string[]) => {
    const haystack = normalizeSearchText(parts.join(" "));
    return words.every((w) => haystack.includes(w));
  };
  const ranked: { f: FunctionInfo; rank: number }[] = [];
  for (const f of functions) {
    const name = [`${NAMESPACE}.${f.id}`, f.name];
    const described = [...name, f.description];
    const all = [...described, ...f.parameters.flatMap((p) => [p.name, p.description])];
    const rank = has(name) ? 0 : has(described) ? 1 : has(all) ? 2 : -1;
    if (rank >= 0) ranked.push({ f, rank });
  }
  // Array.prototype.sort is stable, so each group keeps the gallery's order.
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.f);
}
