/**
 * Won and lost stage names in the languages CRMs are used in. A stage the Stages table lacks is
 * added by an import with an outcome guessed from its name; the SALES functions' built-in labels
 * ("Closed Won", "closedwon", "Lost") are English only, so a German "Gewonnen" or an Arabic
 * "مغلقة - ربح" was added as an *open* stage and every such deal counted as open pipeline.
 * These words only guide that guess (and the closed date of a closed deal); the Stages table,
 * which the import summary lists, stays the one rule afterwards.
 */
import { defaultOutcome } from "../stageVocabulary";
import { Stage } from "../stages";
import type { Records, RecordValue } from "./records";

const WON = [
  // German, French, Spanish, Portuguese, Italian, Dutch
  "gewonnen",
  "abgeschlossen gewonnen",
  "geschlossen gewonnen",
  "auftrag gewonnen",
  "gagné",
  "gagnée",
  "fermé gagné",
  "fermée gagnée",
  "conclu gagné",
  "affaire gagnée",
  "ganado",
  "ganada",
  "cerrado ganado",
  "cerrada ganada",
  "ganho",
  "fechado ganho",
  "fechada ganha",
  "vinto",
  "chiuso vinto",
  "chiusa vinta",
  "gesloten gewonnen",
  // Arabic
  "ربح",
  "رابحة",
  "مغلقة ربح",
  "مغلقة رابحة",
  "مغلق ربح",
  "مغلق رابح",
  "فوز",
  "تم الفوز",
  "مغلقة فوز",
  "مغلق فوز",
  "مكسوبة",
  "مغلقة مكسوبة",
];
const LOST = [
  "verloren",
  "abgeschlossen verloren",
  "geschlossen verloren",
  "auftrag verloren",
  "perdu",
  "perdue",
  "fermé perdu",
  "fermée perdue",
  "conclu perdu",
  "affaire perdue",
  "perdido",
  "perdida",
  "cerrado perdido",
  "cerrada perdida",
  "fechado perdido",
  "fechada perdida",
  "perso",
  "chiuso perso",
  "chiusa persa",
  "gesloten verloren",
  "خسارة",
  "خاسرة",
  "مغلقة خسارة",
  "مغلقة خاسرة",
  "مغلق خسارة",
  "مغلق خاسر",
  "مفقودة",
  "مغلقة مفقودة",
];

/** Lower case, any run of characters other than letters and digits as one space. */
const words = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const WON_SET = new Set(WON.map(words));
const LOST_SET = new Set(LOST.map(words));

/**
 * The outcome an import assumes for a stage name: the built-in English labels, then won/lost
 * words in German, French, Spanish, Portuguese, Italian, Dutch and Arabic.
 *
 * @param name a stage name from a file
 * @returns Won, Lost or Open
 * @example
 * importedOutcome("Gewonnen"); // Stage.Won
 * importedOutcome("مغلقة - خسارة"); // Stage.Lost
 * importedOutcome("Angebot"); // Stage.Open
 */
export function importedOutcome(name: string): Stage.Won | Stage.Lost | Stage.Open {
  const builtIn = defaultOutcome(name);
  if (builtIn !== Stage.Open) return builtIn;
  const w = words(name);
  return WON_SET.has(w) ? Stage.Won : LOST_SET.has(w) ? Stage.Lost : Stage.Open;
}

/**
 * Gives closed deals their close date as Closed Date by the workbook's own Stages table: a file
 * whose won stage is a name only that table knows ("Signed", marked Is Won) had its closed
 * deals left without a Closed Date, so every period figure dropped them. Rows that already have
 * a Closed Date, and files without Expected Close, are left as they are.
 *
 * @param records the converted rows
 * @param isClosed whether the Stages table marks a stage name won or lost
 * @returns the rows, with Closed Date filled where the table says closed (the same object when
 *   nothing changes)
 * @example
 * closeByStageTable(records, (s) => s === "Signed");
 */
export function closeByStageTable(records: Records, isClosed: (stage: string) => boolean): Records {
  const stageK = records.columns.indexOf("Stage");
  const closeK = records.columns.indexOf("Expected Close");
  const closedK = records.columns.indexOf("Closed Date");
  if (stageK === -1 || closeK === -1 || closedK === -1) return records;
  let values: RecordValue[][] | null = null;
  records.values.forEach((row, r) => {
    const stage = row[stageK];
    const close = row[closeK];
    if (typeof stage !== "string" || typeof close !== "number") return;
    if (row[closedK] !== null && row[closedK] !== undefined) return;
    if (!isClosed(stage.replace(/^'/, ""))) return;
    values ??= records.values.map((v) => v.slice());
    values[r][closedK] = close;
  });
  return values ? { ...records, values } : records;
}
