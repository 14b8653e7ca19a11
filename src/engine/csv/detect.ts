/**
 * Source detection: which CRM export a file is, from its headers alone. Each preset lists the
 * headers that identify it; the preset with the largest share of its signature present wins,
 * provided at least half of the signature (and at least three headers) is there. Without a
 * preset, the target is the table whose columns more headers match by name.
 */
import { autoMap } from "./mapping";
import { headerKey, Preset, PRESETS } from "./presets";
import { ImportTarget } from "./types";

/** What detection found. */
export interface Detection {
  /** The export recognised, or null for "any CSV". */
  readonly preset: Preset | null;
  /** How many of the preset's signature headers are present (0 without a preset). */
  readonly matched: number;
  /** The table the file most likely fills. */
  readonly target: ImportTarget;
}

/**
 * Recognises the export a file comes from.
 *
 * @param headers the file's headers
 * @returns the preset (or null), the evidence, and the suggested target
 * @example
 * detectSource(["Deal - ID", "Deal - Title", "Deal - Value", "Deal - Stage", "Deal - Status"]).preset?.id;
 * // "pipedriveDeals"
 */
export function detectSource(headers: readonly string[]): Detection {
  const keys = new Set(headers.map(headerKey));
  let best: Preset | null = null;
  let bestShare = 0;
  let bestMatched = 0;
  for (const preset of PRESETS) {
    let matched = 0;
    for (const s of preset.signature) if (keys.has(s)) matched++;
    const share = matched / preset.signature.length;
    if (matched >= 3 && share >= 0.5 && share > bestShare) {
      best = preset;
      bestShare = share;
      bestMatched = matched;
    }
  }
  if (best) return { preset: best, matched: bestMatched, target: best.target };
  const count = (target: ImportTarget): number =>
    autoMap(headers, target, null).filter((m) => m !== null).length;
  return { preset: null, matched: 0, target: count("Leads") > count("Deals") ? "Leads" : "Deals" };
}
