/**
 * A fast, deterministic hash of a text (32-bit FNV-1a): for choices that must repeat from run
 * to run (the sample history) and for hash tables keyed by text (idIndex).
 */

/**
 * The 32-bit FNV-1a hash of a text's UTF-16 code units.
 *
 * @param text any text
 * @returns an unsigned 32-bit integer
 * @example
 * fnv1a(""); // 2166136261
 * fnv1a("a"); // 3826002220
 */
export function fnv1a(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
