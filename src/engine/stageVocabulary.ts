/**
 * The workbook's stage vocabulary, owned by the Stages table: which stages mean won, lost or
 * open, and each stage's probability. Every place that asks "is this deal won/lost/open and how
 * likely?" (the dashboard's tiles and tables, Deals[Probability], the at-risk list) answers from
 * the table through this module; a stage the table does not list falls back to the SALES
 * functions' built-in labels (`DEFAULT_STAGE_RULES`), so a hand-typed "Won" still counts as won.
 *
 * Internal ids and labels of one stage are one stage: `stageKey("closedwon")` equals
 * `stageKey("Closed Won")`. Importing a file whose stages the table lacks adds them
 * (`stagesToAdd`): outcome from the stage name (or the won/lost status already written into the
 * stage by the import), probability from the file's probability column, else the CRM's
 * documented default (flagged as assumed, so the import summary can say so).
 */
import { DEFAULT_STAGE_RULES, Stage, classifyLabel } from "./stages";
import { normalizeLabel } from "./cells";

/** One stage of the vocabulary. */
export interface VocabularyStage {
  readonly name: string;
  /** 0–1, or null when the table leaves it blank. */
  readonly probability: number | null;
  readonly outcome: Stage.Open | Stage.Won | Stage.Lost;
}

/** The CRMs whose documented default probabilities we know. */
export type Crm = "salesforce" | "hubspot" | "pipedrive" | "zoho";

/**
 * Documented default probabilities of the CRMs' default stages (see shared/domain.md), by
 * stage key. Pipedrive gives every stage 100% until an admin sets it.
 */
const CRM_DEFAULTS: Readonly<Record<Exclude<Crm, "pipedrive">, Readonly<Record<string, number>>>> =
  {
    salesforce: {
      prospecting: 0.1,
      qualification: 0.1,
      needsanalysis: 0.2,
      valueproposition: 0.5,
      iddecisionmakers: 0.6,
      perceptionanalysis: 0.7,
      proposalpricequote: 0.75,
      negotiationreview: 0.9,
    },
    hubspot: {
      appointmentscheduled: 0.2,
      qualifiedtobuy: 0.4,
      presentationscheduled: 0.6,
      decisionmakerboughtin: 0.8,
      contractsent: 0.9,
    },
    zoho: {
      qualification: 0.1,
      needsanalysis: 0.2,
      valueproposition: 0.4,
      identifydecisionmakers: 0.6,
      proposalpricequote: 0.75,
      negotiationreview: 0.9,
    },
  };

/** Probability assumed for an open stage no CRM documents (flagged as assumed). */
export const UNKNOWN_STAGE_PROBABILITY = 0.5;

/**
 * The identity of a stage name: letters and digits only, lower case, so an internal id and its
 * label ("closedwon", "Closed Won", "closed-won") are one stage.
 *
 * @param name a stage name or id
 * @returns the key ("" for a blank name)
 * @example
 * stageKey("Qualified To Buy") === stageKey("qualifiedtobuy"); // true
 */
export function stageKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Indexes values by stage identity (`stageKey`), for a label the exact match misses: HubSpot's API
 * and some exports give internal ids ("contractsent") where a table or order names the label
 * ("Contract Sent"). An identity two entries share with different values is ambiguous and left
 * out, as is the empty one.
 *
 * @param entries (label, value) pairs
 * @returns value by stage identity
 * @example
 * byStageKey([["Contract Sent", 0.9], ["Closed Won", 1]]).get(stageKey("contractsent")); // 0.9
 */
export function byStageKey<T>(entries: Iterable<readonly [string, T]>): Map<string, T> {
  const out = new Map<string, T>();
  const clash = new Set<string>();
  for (const [label, value] of entries) {
    const id = stageKey(label);
    if (out.has(id) && out.get(id) !== value) clash.add(id);
    out.set(id, value);
  }
  for (const id of clash) out.delete(id);
  out.delete("");
  return out;
}

/**
 * Looks a stage up as the functions and the History do: its label first (`normalizeLabel`), else
 * its identity (`byStageKey`: an internal id finds its label; an identity two entries share with
 * different values finds nothing).
 *
 * Complexity: O(entries) to build, O(1) per look-up.
 *
 * @param entries (label, value) pairs; a later duplicate label wins the exact match
 * @returns the value of a stage as a row or the History writes it, or undefined
 * @example
 * stageLookup([["Contract Sent", 4]])("contractsent"); // 4
 */
export function stageLookup<T>(
  entries: readonly (readonly [string, T])[]
): (stage: string) => T | undefined {
  const exact = new Map(entries.map(([label, value]) => [normalizeLabel(label), value] as const));
  const byId = byStageKey(entries);
  return (stage) => exact.get(normalizeLabel(stage)) ?? byId.get(stageKey(stage));
}

/**
 * Reads an Is Won / Is Lost cell: TRUE/FALSE, yes/no, 1/0; blank (or 0) is no answer.
 *
 * @param v the cell
 * @returns true, false, or null for a blank or a value that is not a flag
 * @example
 * stageFlag("yes"); // true
 */
export function stageFlag(v: unknown): boolean | null {
  if (v === true || v === false) return v;
  if (typeof v === "number") return v !== 0 ? true : null;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t === "true" || t === "yes" || t === "1") return true;
    if (t === "false" || t === "no" || t === "0") return false;
  }
  return null;
}

/**
 * Reads a Probability cell: a fraction 0–1, or points above 1 (60 is 60%).
 *
 * @param v the cell
 * @returns 0–1 (points divided by 100), or null for a blank, negative or non-numeric cell
 * @example
 * stageProbability(60); // 0.6
 */
export function stageProbability(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0) return null;
  return n > 1 ? n / 100 : n;
}

/**
 * The outcome of a stage name by the SALES functions' built-in labels.
 *
 * @param name a stage name
 * @returns Won, Lost or Open
 * @example
 * defaultOutcome("closedwon"); // Stage.Won
 */
export function defaultOutcome(name: string): VocabularyStage["outcome"] {
  const s = classifyLabel(normalizeLabel(name), DEFAULT_STAGE_RULES);
  return s === Stage.Won ? Stage.Won : s === Stage.Lost ? Stage.Lost : Stage.Open;
}

/**
 * Reads the Stages table: outcome from its Is Won / Is Lost flags (the built-in labels decide a
 * row whose flags are both blank), probability from its Probability column.
 *
 * @param headers the table's header cells
 * @param rows the table's body
 * @returns one entry per non-blank stage, in table order, with its 1-based table row
 * @example
 * readStageTable(["Stage", "Probability", "Is Won", "Is Lost"], [["Signed", 1, true, false]]);
 * // [{ name: "Signed", probability: 1, outcome: Stage.Won, row: 1 }]
 */
export function readStageTable(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[]
): (VocabularyStage & { readonly row: number })[] {
  const at = (name: string): number =>
    headers.findIndex((h) => String(h).trim().toLowerCase() === name.toLowerCase());
  const stageK = Math.max(at("Stage"), 0);
  const probK = at("Probability");
  const wonK = at("Is Won");
  const lostK = at("Is Lost");
  const out: (VocabularyStage & { row: number })[] = [];
  rows.forEach((r, i) => {
    const raw = r[stageK];
    const name = raw === null || raw === undefined ? "" : String(raw).trim();
    if (!name) return;
    const won = wonK === -1 ? null : stageFlag(r[wonK]);
    const lost = lostK === -1 ? null : stageFlag(r[lostK]);
    const outcome =
      won === true
        ? Stage.Won
        : lost === true
          ? Stage.Lost
          : won === null && lost === null
            ? defaultOutcome(name)
            : Stage.Open;
    out.push({
      name,
      probability: probK === -1 ? null : stageProbability(r[probK]),
      outcome,
      row: i + 1,
    });
  });
  return out;
}

/** The labels that mean won and lost. */
export interface OutcomeLabels {
  readonly won: readonly string[];
  readonly lost: readonly string[];
}

/**
 * The labels that mean won and lost: the table's won and lost stages, plus the built-in
 * spellings ("Won", "Closed Won", "closedwon", …) the table does not list under another outcome,
 * so a deal whose stage is outside the table is judged as the SALES functions judge it.
 *
 * @param stages the table's stages
 * @returns won and lost labels, table first
 * @example
 * outcomeLabels([{ name: "Signed", probability: 1, outcome: Stage.Won }]).won; // ["Signed", "closed won", "won", "closedwon"]
 */
export function outcomeLabels(stages: readonly VocabularyStage[]): OutcomeLabels {
  const listed = new Set(stages.map((s) => stageKey(s.name)));
  const pick = (outcome: Stage, defaults: ReadonlySet<string>): string[] => {
    const out = stages.filter((s) => s.outcome === outcome).map((s) => s.name);
    const seen = new Set(out.map((n) => n.toLowerCase()));
    for (const d of defaults)
      if (!listed.has(stageKey(d)) && !seen.has(d)) {
        out.push(d);
        seen.add(d);
      }
    return out;
  };
  return {
    won: pick(Stage.Won, DEFAULT_STAGE_RULES.won),
    lost: pick(Stage.Lost, DEFAULT_STAGE_RULES.lost),
  };
}

/**
 * The vocabulary as a judge of one deal's stage, for the SALES functions' `stage_table`
 * argument: the table's stage with the same `stageKey` decides (so "closedwon" is judged by the
 * table's "Closed Won" row), and a stage the table does not list is judged by the built-in labels.
 * This is the rule `outcomeLabels` writes out as label lists for the dashboard's formulas; the
 * first row of a stage listed twice decides.
 *
 * @param stages the table's stages (see readStageTable)
 * @returns a function from a stage name (raw or normalized) to Won, Lost or Open
 * @example
 * const judge = vocabularyClassifier([{ name: "Signed", probability: 1, outcome: Stage.Won }]);
 * judge("signed"); // Stage.Won
 * judge("closedlost"); // Stage.Lost (built-in label)
 */
export function vocabularyClassifier(
  stages: readonly VocabularyStage[]
): (name: string) => Stage.Open | Stage.Won | Stage.Lost {
  const byKey = new Map<string, VocabularyStage["outcome"]>();
  for (const s of stages) {
    const key = stageKey(s.name);
    if (!byKey.has(key)) byKey.set(key, s.outcome);
  }
  return (name) => byKey.get(stageKey(name)) ?? defaultOutcome(name);
}

/**
 * Each listed stage's probability by `stageKey`, as the vocabulary gives it to an open deal: the
 * table's value, or 0 where the table leaves it blank (as the dashboard's weighted pipeline reads
 * a blank probability). A stage the table does not list has none (`undefined`).
 *
 * @param stages the table's stages
 * @returns a lookup from a stage name (raw or normalized) to 0–1, undefined when not listed
 * @example
 * vocabularyProbability([{ name: "Demo", probability: 0.4, outcome: Stage.Open }])("demo"); // 0.4
 */
export function vocabularyProbability(
  stages: readonly VocabularyStage[]
): (name: string) => number | undefined {
  const byKey = new Map<string, number>();
  for (const s of stages) {
    const key = stageKey(s.name);
    if (!byKey.has(key)) byKey.set(key, s.probability ?? 0);
  }
  return (name) => byKey.get(stageKey(name));
}

/** A deal row's stage as an import sees it. */
export interface ImportedStage {
  readonly stage: string;
  /** The file's probability for the deal (0–1 or points), if the file has that column. */
  readonly probability?: unknown;
}

/** A stage an import adds to the Stages table. */
export interface StageAddition extends VocabularyStage {
  /** True when the probability is the CRM's default (or our fallback), not the file's. */
  readonly assumed: boolean;
  /** Deals of the file at this stage. */
  readonly deals: number;
}

/**
 * The CRM's documented default probability of a stage.
 *
 * @param name the stage name
 * @param crm the file's CRM, or null for a generic file (every CRM's defaults are tried)
 * @returns 0–1
 * @example
 * crmDefaultProbability("Qualified To Buy", "hubspot"); // 0.4
 * crmDefaultProbability("Demo Scheduled", "pipedrive"); // 1
 */
export function crmDefaultProbability(name: string, crm: Crm | null): number {
  if (crm === "pipedrive") return 1;
  const key = stageKey(name);
  const order: Exclude<Crm, "pipedrive">[] = crm ? [crm] : ["salesforce", "hubspot", "zoho"];
  for (const c of order) {
    const p = CRM_DEFAULTS[c][key];
    if (p !== undefined) return p;
  }
  return UNKNOWN_STAGE_PROBABILITY;
}

/**
 * The stages of an imported file that the Stages table lacks (matched by `stageKey`), in order
 * of first appearance: won/lost by name (the import has already written a Pipedrive deal's
 * won/lost status into its stage), probability the most common value of the file's probability
 * column for that stage's open deals, else the CRM's default (`assumed`). Won stages get 100%,
 * lost 0%.
 *
 * @param table the Stages table's stages
 * @param deals the imported deals' stages (and probabilities where the file has them)
 * @param crm the file's CRM, or null for a generic file
 * @param outcomeOf the outcome a new stage's name implies (default: the built-in labels; the
 *   import passes its multilingual rule, engine/csv/stageWords.ts)
 * @returns the stages to add
 * @example
 * stagesToAdd([{ name: "Closed Won", probability: 1, outcome: Stage.Won }], [{ stage: "closedwon" }, { stage: "Demo" }], null);
 * // [{ name: "Demo", probability: 0.5, outcome: Stage.Open, assumed: true, deals: 1 }]
 */
export function stagesToAdd(
  table: readonly VocabularyStage[],
  deals: readonly ImportedStage[],
  crm: Crm | null,
  outcomeOf: (name: string) => VocabularyStage["outcome"] = defaultOutcome
): StageAddition[] {
  const known = new Set(table.map((s) => stageKey(s.name)));
  const found = new Map<string, { name: string; deals: number; probs: Map<number, number> }>();
  for (const d of deals) {
    const name = typeof d.stage === "string" ? d.stage.replace(/^'/, "").trim() : "";
    const key = stageKey(name);
    if (!key || known.has(key)) continue;
    let entry = found.get(key);
    if (!entry) {
      entry = { name, deals: 0, probs: new Map() };
      found.set(key, entry);
    }
    entry.deals++;
    const p = stageProbability(d.probability);
    if (p !== null) entry.probs.set(p, (entry.probs.get(p) ?? 0) + 1);
  }
  return [...found.values()].map(({ name, deals: n, probs }) => {
    const outcome = outcomeOf(name);
    if (outcome !== Stage.Open)
      return {
        name,
        outcome,
        probability: outcome === Stage.Won ? 1 : 0,
        assumed: false,
        deals: n,
      };
    let best: number | null = null;
    let count = 0;
    for (const [p, c] of probs)
      if (c > count || (c === count && best !== null && p < best)) {
        best = p;
        count = c;
      }
    return best === null
      ? { name, outcome, probability: crmDefaultProbability(name, crm), assumed: true, deals: n }
      : { name, outcome, probability: best, assumed: false, deals: n };
  });
}
