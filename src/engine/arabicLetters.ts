/**
 * Arabic letters as people type them interchangeably, folded to one spelling: the marks a text
 * may or may not carry (harakat, superscript alef, Quranic marks, tatweel) dropped, the alef
 * forms (أ إ آ ٱ) as ا, ta marbuta (ة) as ha (ه), alef maqsura (ى) as ya (ي). Shared by the
 * import's header matching and the function gallery's search, which add their own rules on top.
 */

/** Harakat, superscript alef, Quranic marks, tatweel: what an Arabic text may or may not carry. */
export const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/**
 * Folds the Arabic letter variants of a text (other scripts pass unchanged).
 *
 * @param text any text
 * @returns the text with Arabic marks dropped and letter variants folded
 * @example
 * foldArabicLetters("المَبلـغ"); // "المبلغ"
 * foldArabicLetters("نسبة أعلى"); // "نسبه اعلي"
 */
export function foldArabicLetters(text: string): string {
  return text
    .replace(ARABIC_MARKS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي");
}
