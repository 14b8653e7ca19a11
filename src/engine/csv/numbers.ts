/**
 * Amounts and percentages as exports write them, in any locale: `1,234.56`, `1.234,56`,
 * `1 234,56` (space or no-break space), `1'234.56` (Swiss), `١٬٢٣٤٫٥٦` (Arabic-Indic digits and
 * separators), currency symbols or ISO codes before or after (`€1.234,50`, `1.200 €`,
 * `USD 12,500.00`, `CHF 1'250.–`), accounting negatives `(300)`, trailing minus `300-`, `12 %`.
 *
 * Whether `.` or `,` is the decimal mark cannot be told from `5.000` alone, so a column is first
 * scanned value by value (`numberEvidence`), the mark is decided for the whole column
 * (`decideNumberColumn`) and only then are values read (`readAmount`). A column whose every
 * separated value reads both ways (`5.000`, `12.500`) is undecided: the user is asked, with both
 * readings side by side; it is never guessed (a guess would divide amounts by 1,000).
 *
 * A percent column has one scale (fractions 0.25 or points 25) decided from the whole column; a
 * value that only fits the other scale (0.5 among 10, 50, 90) is a problem for that row, never
 * silently divided by 100.
 */

/** The decimal mark of a column. */
export type DecimalMark = "." | ",";

/** What one value says about its column's decimal mark. */
export type NumberEvidence =
  /** `.` can only be the decimal mark (`12.5`, `1,234.56`, `1.2345`). */
  | "dot"
  /** `,` can only be the decimal mark (`12,5`, `1.234,56`, `1.250.000`). */
  | "comma"
  /** `5.000`: 5 with a decimal dot, 5000 with a grouping dot. */
  | "ambiguousDot"
  /** `1,250`: 1250 with a grouping comma, 1.25 with a decimal comma. */
  | "ambiguousComma"
  /** No `.` or `,` (`1200`, `1 200`, `١٢٠٠`): reads the same either way. */
  | "neutral"
  /** Not a number at all. */
  | "none";

/** A value taken apart: sign, percent, and the digits with their separators. */
interface Scanned {
  readonly negative: boolean;
  readonly percent: boolean;
  /** Western digits with `.`, `,`, `'`, spaces; `D` for an Arabic decimal mark, `G` for its group mark. */
  readonly core: string;
  /** `1e5`, `2.5E-3`: scientific notation (never grouped). */
  readonly scientific: boolean;
}

// Currency marks and codes before or after the number; a code is any 3 capital letters.
const CURRENCY_WORD =
  /^(?:\p{Sc}+|[A-Z]{3}|[A-Z]{1,2}\p{Sc}|kr\.?|Kč|zł|Ft|Fr\.?|lei|лв|руб\.?|[\u0621-\u064a]{1,5}\.?(?:[\u0621-\u064a]\.?){0,2})$/u;
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200f\u200e\u061c]+/g;
const CORE = /^[\d.,' \u00a0\u202f\u2009\u2019DG]*\d[\d.,' \u00a0\u202f\u2009\u2019DG]*$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE][-+]?\d+$/;

/** Arabic-Indic and Persian digits to Western ones; Arabic separators to D / G markers. */
function westernize(text: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(48 + c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(48 + c - 0x06f0);
    else if (c === 0x066b) out += "D";
    else if (c === 0x066c) out += "G";
    else if (c === 0x066a) out += "%";
    else if (c === 0x2212) out += "-";
    else {
      out += text[i];
      continue;
    }
    changed = true;
  }
  return changed ? out : text;
}

// Arab currencies' dotted abbreviations (ر.س, د.إ, ج.م., ر.ع.) and ISO codes, glued to the number
// ("١٢٬٥٠٠ر.س", "SAR12,500"): dotted only, so that a glued Arabic word is never taken for one.
const GLUED_LEAD = /^(?:[\u0621-\u064a]\.[\u0621-\u064a]\.?|[A-Z]{3})(?=\d)/;
// (No lookbehind: Safari before 16.4, Excel on older Macs, cannot parse one.)
const GLUED_TRAIL = /\d((?:[\u0621-\u064a]\.[\u0621-\u064a]\.?|[A-Z]{3}))$/;

/** Splits off currency words at either end, separated by spaces or glued to the number. */
function stripCurrency(t: string): string | null {
  let s = t;
  // Glued symbols: "$1,200", "1.200€", "R$12", "12,50zł".
  const lead = /^(\p{Sc}+|[A-Z]{1,2}\p{Sc})/u.exec(s) ?? GLUED_LEAD.exec(s);
  if (lead) s = s.slice(lead[0].length).trimStart();
  const glued = GLUED_TRAIL.exec(s);
  if (glued) s = s.slice(0, -glued[1].length);
  const trail = /(\p{Sc}+|[.,][-–—]{1,2})$/u.exec(s);
  if (trail && /\d/.test(s.slice(0, -trail[0].length))) {
    // "1'250.–" (Swiss "no cents") or a trailing currency sign.
    s = s.slice(0, -trail[0].length).trimEnd();
  }
  const words = s.split(" ");
  if (words.length > 1 && CURRENCY_WORD.test(words[0]) && !/\d/.test(words[0])) {
    words.shift();
  }
  if (words.length > 1 && CURRENCY_WORD.test(words[words.length - 1])) words.pop();
  s = words.join(" ");
  return s;
}

/**
 * Takes a value apart: sign, percent sign, currency, and the core of digits and separators.
 * Null when the text is not a number in any locale.
 */
function scan(text: string): Scanned | null {
  let t = westernize(text).replace(SPACES, " ").trim();
  if (t === "") return null;
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  } else if (t.startsWith("%")) {
    percent = true;
    t = t.slice(1).trim();
  }
  const stripped = stripCurrency(t);
  if (stripped === null) return null;
  t = stripped;
  if (t.startsWith("-") || t.startsWith("+")) {
    if (t[0] === "-") negative = !negative;
    t = t.slice(1).trim();
    const again = stripCurrency(t); // "-$1,200", "- € 5"
    if (again === null) return null;
    t = again;
  } else if (t.endsWith("-") && /\d-$/.test(t)) {
    negative = !negative; // SAP-style trailing minus
    t = t.slice(0, -1);
  }
  if (SCIENTIFIC.test(t)) return { negative, percent, core: t, scientific: true };
  if (!CORE.test(t)) return null;
  return { negative, percent, core: t, scientific: false };
}

/** Group separators other than `.` and `,`: spaces, apostrophes, the Arabic group mark. */
function isOtherGroup(ch: string): boolean {
  return (
    ch === " " ||
    ch === "\u00a0" ||
    ch === "\u202f" ||
    ch === "\u2009" ||
    ch === "'" ||
    ch === "\u2019" ||
    ch === "G"
  );
}

/** What a scanned core says about the decimal mark. */
function evidenceOfCore(core: string): NumberEvidence {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let other = false;
  for (let i = 0; i < core.length; i++) {
    const ch = core[i];
    if (ch === ".") {
      dots++;
      lastDot = i;
    } else if (ch === ",") {
      commas++;
      lastComma = i;
    } else if (ch === "D") return "neutral";
    else if (isOtherGroup(ch)) other = true;
  }
  if (dots === 0 && commas === 0) return "neutral";
  if (dots > 0 && commas > 0) return lastDot > lastComma ? "dot" : "comma";
  const mark = dots > 0 ? "." : ",";
  const count = dots + commas;
  if (count > 1) return mark === "." ? "comma" : "dot"; // repeated: a group mark
  if (other) return mark === "." ? "dot" : "comma"; // "1 234,5": the other mark groups
  const at = mark === "." ? lastDot : lastComma;
  const before = core.slice(0, at);
  const after = core.length - at - 1;
  // Only "d.ddd" to "ddd.ddd" with a non-zero lead can be a thousands group.
  if (after === 3 && before.length >= 1 && before.length <= 3 && before !== "0") {
    return mark === "." ? "ambiguousDot" : "ambiguousComma";
  }
  return mark === "." ? "dot" : "comma";
}

/**
 * What one value says about its column's decimal mark.
 *
 * @param text a cell's text
 * @returns the evidence (see NumberEvidence)
 * @example
 * numberEvidence("1.234,56"); // "comma"
 * numberEvidence("5.000"); // "ambiguousDot"
 * numberEvidence("CHF 1'250.50"); // "dot"
 */
export function numberEvidence(text: string): NumberEvidence {
  const s = scan(text);
  if (!s) return "none";
  if (s.scientific) return "neutral";
  return evidenceOfCore(s.core);
}

/** Reads a core with a decimal mark; undefined when the grouping is not regular. */
function readCore(core: string, mark: DecimalMark): number | undefined {
  let intPart = core;
  let frac = "";
  const arabic = core.indexOf("D");
  const decAt = arabic !== -1 ? arabic : core.lastIndexOf(mark);
  if (decAt !== -1) {
    intPart = core.slice(0, decAt);
    frac = core.slice(decAt + 1);
    if (!/^\d*$/.test(frac)) return undefined;
    if (intPart === "" && frac === "") return undefined;
  }
  // The integer part: digits, or groups separated by one kind of group mark.
  let groupChar = "";
  const groups: string[] = [];
  let current = "";
  for (let i = 0; i < intPart.length; i++) {
    const ch = intPart[i];
    if (ch >= "0" && ch <= "9") {
      current += ch;
      continue;
    }
    if (ch === mark || ch === "D") return undefined; // a second decimal mark
    if (groupChar === "") groupChar = ch;
    else if (ch !== groupChar) return undefined;
    groups.push(current);
    current = "";
  }
  groups.push(current);
  if (groups.length > 1) {
    const last = groups.length - 1;
    const western = groups.every((g, i) =>
      i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3
    );
    // Indian lakh/crore grouping: 1,00,00,000.
    const indian = groups.every((g, i) =>
      i === 0 ? g.length >= 1 && g.length <= 2 : i === last ? g.length === 3 : g.length === 2
    );
    if (!western && !indian) return undefined;
  }
  const digits = groups.join("");
  const n = Number(`${digits === "" ? "0" : digits}.${frac === "" ? "0" : frac}`);
  return Number.isFinite(n) ? n : undefined;
}

/** A value read with its column's mark: the number and whether it carried a percent sign. */
export interface ReadNumber {
  readonly value: number;
  readonly percent: boolean;
}

/**
 * Reads a number with the column's decimal mark; a percent sign divides by 100.
 *
 * @param text the cell text
 * @param mark the column's decimal mark
 * @returns the number, or undefined when the text is not a number in that locale
 * @example
 * readAmount("€1.234,50", ","); // 1234.5
 * readAmount("$1,234.50", "."); // 1234.5
 * readAmount("1 234,5", ","); // 1234.5
 * readAmount("(1'250.00)", "."); // -1250
 */
export function readAmount(text: string, mark: DecimalMark): number | undefined {
  const r = readNumber(text, mark);
  return r === undefined ? undefined : r.value;
}

/**
 * Like readAmount, also telling whether the value carried a percent sign.
 *
 * @param text the cell text
 * @param mark the column's decimal mark
 * @returns the number and its percent flag, or undefined
 * @example
 * readNumber("12,5 %", ","); // { value: 0.125, percent: true }
 */
export function readNumber(text: string, mark: DecimalMark): ReadNumber | undefined {
  const s = scan(text);
  if (!s) return undefined;
  let n = s.scientific ? Number(s.core) : readCore(s.core, mark);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  if (s.negative) n = -n;
  if (s.percent) n /= 100;
  if (Object.is(n, -0)) n = 0;
  return { value: n, percent: s.percent };
}

/** How a column's decimal mark was decided. */
export interface NumberColumnDecision {
  /** The mark to read with; null when the user must choose. */
  readonly mark: DecimalMark | null;
  /** "values": some value proves it; "choice": the user's answer; "any": nothing depends on it. */
  readonly from: "values" | "choice" | "any" | "none";
  /** True when the values do not decide and no choice was given. */
  readonly needsChoice: boolean;
  /** A value that reads differently with each mark (for the question), if any. */
  readonly example: string | null;
  /** Values proving each mark (both non-zero: the minority are errors for their rows). */
  readonly dot: number;
  readonly comma: number;
  readonly ambiguous: number;
}

/**
 * Decides a column's decimal mark from all its values: the mark some values prove (the majority
 * when values contradict each other, whose other values then fail to read); the user's choice
 * when every separated value reads both ways; "." when no value depends on it.
 *
 * @param values the column's texts
 * @param choice the user's answer for this column, if given
 * @returns the decision
 * @example
 * decideNumberColumn(["5.000", "12.500"]).needsChoice; // true
 * decideNumberColumn(["5.000", "1.250.000"]).mark; // ","
 * decideNumberColumn(["5.000", "12.500"], ",").mark; // ","
 */
export function decideNumberColumn(
  values: readonly string[],
  choice?: DecimalMark
): NumberColumnDecision {
  let dot = 0;
  let comma = 0;
  let ambiguous = 0;
  let example: string | null = null;
  // Repeated texts (currencies, round amounts) are scanned once.
  const seen = new Map<string, NumberEvidence>();
  for (const v of values) {
    if (v.length === 0) continue;
    let e = seen.get(v);
    if (e === undefined) {
      e = numberEvidence(v);
      if (seen.size < 4096) seen.set(v, e);
    }
    if (e === "dot") dot++;
    else if (e === "comma") comma++;
    else if (e === "ambiguousDot" || e === "ambiguousComma") {
      ambiguous++;
      if (example === null) example = v;
    }
  }
  const base = { dot, comma, ambiguous, example };
  if (dot > 0 || comma > 0) {
    return { ...base, mark: comma > dot ? "," : ".", from: "values", needsChoice: false };
  }
  if (ambiguous === 0) return { ...base, mark: ".", from: "any", needsChoice: false };
  if (choice) return { ...base, mark: choice, from: "choice", needsChoice: false };
  return { ...base, mark: null, from: "none", needsChoice: true };
}

/**
 * Decides whether a percent column holds points (25 meaning 25 %) rather than fractions (0.25):
 * points when any value written without a `%` sign is above 1 in absolute value. Salesforce's
 * "Probability (%)" holds points; most spreadsheets hold fractions.
 *
 * @param values the column's numbers (NaN for blanks and unreadable cells), percent-signed ones
 *   excluded by the caller
 * @returns true for points
 * @example
 * percentPoints([10, 90, 100]); // true
 * percentPoints([0.1, 0.9, 1]); // false
 */
export function percentPoints(values: readonly number[]): boolean {
  for (const n of values) if (Math.abs(n) > 1) return true;
  return false;
}

/**
 * Whether a value written without a `%` sign fits a points column: 0, or at least 1 in absolute
 * value. `0.5` among 10, 50, 90 could be half a percent or a fraction meaning 50 %: the row is
 * reported instead of guessing.
 *
 * @param n the value
 * @returns true when it reads unambiguously as points
 * @example
 * fitsPoints(50); // true
 * fitsPoints(0.5); // false
 */
export function fitsPoints(n: number): boolean {
  return n === 0 || Math.abs(n) >= 1;
}
