/**
 * Column titles we know by name: our own tables' headers (the schema's column names and their
 * English and Arabic captions) and every CRM export header the import maps to one of our columns
 * (its presets' aliases, our names, captions and synonyms, with or without an entity prefix such
 * as Pipedrive's "Deal - "). Compared exactly as the import compares headers (`headerKey`: case,
 * spacing and punctuation ignored), so "Lead Status", "lead_status" and "LEAD STATUS" are one
 * title. Used to tell a title row selected with the data (`B:B`) from a stage or status.
 */
import { ALL_TABLES } from "../model/schema";
import { matchHeader } from "./csv/mapping";
import { headerKey, PRESETS } from "./csv/presets";

let ownKeys: ReadonlySet<string> | null = null;

/** Header keys of our tables' columns and of the presets' aliases. */
function knownKeys(): ReadonlySet<string> {
  if (ownKeys) return ownKeys;
  const keys = new Set<string>();
  for (const table of ALL_TABLES)
    for (const c of table.columns)
      for (const t of [c.name, c.caption.en, c.caption.ar]) keys.add(headerKey(t));
  for (const preset of PRESETS) for (const key of Object.keys(preset.aliases)) keys.add(key);
  keys.delete("");
  ownKeys = keys;
  return keys;
}

/**
 * Whether a text is a column title we know: one of our tables' headers or a CRM export header
 * the import recognizes (see the module comment).
 *
 * @param text a cell's text
 * @returns true for a known title
 * @example
 * isKnownColumnTitle("Deal - Stage"); // true (Pipedrive)
 * isKnownColumnTitle("Opportunity Stage"); // true (entity prefix)
 * isKnownColumnTitle("المرحلة"); // true (Deals[Stage]'s Arabic caption)
 * isKnownColumnTitle("Proposal"); // false
 */
export function isKnownColumnTitle(text: string): boolean {
  const key = headerKey(text);
  if (key === "") return false;
  return (
    knownKeys().has(key) ||
    matchHeader(text, "Deals") !== null ||
    matchHeader(text, "Leads") !== null
  );
}
