/**
 * Yes/no cells as exports write them: TRUE/FALSE, Yes/No, Y/N, 1/0, checkmarks, Arabic نعم/لا.
 * Salesforce writes checkboxes as 1/0, HubSpot as true/false.
 */

const YES = new Set(["true", "yes", "y", "1", "x", "✓", "✔", "checked", "on", "نعم", "صح", "صحيح"]);
const NO = new Set(["false", "no", "n", "0", "unchecked", "off", "لا", "خطأ"]);

/**
 * Reads a yes/no text.
 *
 * @param text the cell text
 * @returns true or false, or undefined when the text is neither
 * @example
 * readFlag("Yes"); // true
 * readFlag(" 0 "); // false
 * readFlag("maybe"); // undefined
 */
export function readFlag(text: string): boolean | undefined {
  const key = text.trim().toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}
