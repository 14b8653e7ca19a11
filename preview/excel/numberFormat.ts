/**
 * Renders a cell value with an Excel number format, for `Range.text` and the preview grid.
 * Covers the formats a sales workbook uses (General, 0, 0.00, #,##0, percentages, currency,
 * dates and times, text "@", sections separated by ";"); anything else falls back to General.
 */

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel serial → UTC date (1900 date system, with Excel's fictitious 29 Feb 1900 skipped). */
function serialToDate(serial: number): Date {
  // Serials before Excel's fictitious 29 Feb 1900 (60) count from 1900-01-01 = 1.
  const shifted = serial < 60 ? serial + 1 : serial;
  const ms = Math.round((shifted - 25569) * 86400000);
  return new Date(ms);
}

function general(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    return v
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace(/e/, "E");
  }
  // Excel's General fits a number in 11 characters: sign, integer digits, point, decimals.
  const intLen = Math.floor(abs).toString().length;
  const decimals = Math.max(0, 10 - (v < 0 ? 1 : 0) - intLen);
  const s = abs.toFixed(decimals).replace(/\.?0+$/, "");
  return v < 0 ? `-${s}` : s;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, fmt: string): string {
  const d = serialToDate(serial);
  const hasAmPm = /AM\/PM|A\/P/i.test(fmt);
  let out = "";
  let i = 0;
  const lower = fmt.toLowerCase();
  let lastWasHour = false;
  while (i < fmt.length) {
    const rest = lower.slice(i);
    const run = (ch: string) => {
      let n = 0;
      while (lower[i + n] === ch) n++;
      return n;
    };
    if (fmt[i] === '"') {
      const end = fmt.indexOf('"', i + 1);
      out += fmt.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? fmt.length : end + 1;
      continue;
    }
    if (fmt[i] === "\\") {
      out += fmt[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (rest.startsWith("am/pm")) {
      out += d.getUTCHours() < 12 ? "AM" : "PM";
      i += 5;
      continue;
    }
    const c = lower[i];
    if (c === "y") {
      const n = run("y");
      out += n <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
      i += n;
    } else if (c === "m") {
      const n = run("m");
      // "m" after an hour (or before seconds) means minutes, as in Excel.
      const minutes = lastWasHour || /^m+[^dy]*s/.test(rest);
      if (minutes && n <= 2) out += n === 2 ? pad(d.getUTCMinutes(), 2) : String(d.getUTCMinutes());
      else if (n === 1) out += String(d.getUTCMonth() + 1);
      else if (n === 2) out += pad(d.getUTCMonth() + 1, 2);
      else if (n === 3) out += MONTHS[d.getUTCMonth()].slice(0, 3);
      else if (n === 5) out += MONTHS[d.getUTCMonth()][0];
      else out += MONTHS[d.getUTCMonth()];
      i += n;
      lastWasHour = false;
      continue;
    } else if (c === "d") {
      const n = run("d");
      if (n === 1) out += String(d.getUTCDate());
      else if (n === 2) out += pad(d.getUTCDate(), 2);
      else if (n === 3) out += DAYS[d.getUTCDay()].slice(0, 3);
      else out += DAYS[d.getUTCDay()];
      i += n;
    } else if (c === "h") {
      const n = run("h");
      let h = d.getUTCHours();
      if (hasAmPm) h = h % 12 === 0 ? 12 : h % 12;
      out += n >= 2 ? pad(h, 2) : String(h);
      i += n;
      lastWasHour = true;
      continue;
    } else if (c === "s") {
      const n = run("s");
      out += n >= 2 ? pad(d.getUTCSeconds(), 2) : String(d.getUTCSeconds());
      i += n;
    } else {
      out += fmt[i];
      i += 1;
      if (fmt[i - 1] !== ":") lastWasHour = lastWasHour && false;
      continue;
    }
    lastWasHour = false;
  }
  return out;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumber(v: number, fmt: string): string {
  // Literal text around the number: quoted strings, escaped characters, currency symbols.
  const percent = (fmt.match(/%/g) || []).length;
  let value = v * Math.pow(100, percent);
  const body = fmt.replace(/"[^"]*"|\\./g, "");
  const numberPart = /[#0?][#0?,]*(\.[#0?]+)?/.exec(body);
  if (!numberPart) return fmt.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const decimals = numberPart[1] ? numberPart[1].length - 1 : 0;
  const grouping = numberPart[0].includes(",") && /[#0],[#0]/.test(numberPart[0]);
  // Trailing commas scale by thousands (e.g. "#,##0,").
  const trailing = /,+$/.exec(numberPart[0].replace(/\.[#0?]+$/, ""));
  if (trailing && !grouping) value /= Math.pow(1000, trailing[0].length);
  const fixed = Math.abs(value).toFixed(decimals);
  const [i, f] = fixed.split(".");
  const minInt = (numberPart[0].split(".")[0].match(/0/g) || []).length;
  let intPart = i === "0" && minInt === 0 ? "" : i.padStart(minInt, "0");
  if (grouping) intPart = groupThousands(intPart);
  const num = f !== undefined ? `${intPart}.${f}` : intPart;
  let out = "";
  let placed = false;
  let k = 0;
  while (k < fmt.length) {
    const ch = fmt[k];
    if (ch === '"') {
      const end = fmt.indexOf('"', k + 1);
      out += fmt.slice(k + 1, end < 0 ? undefined : end);
      k = end < 0 ? fmt.length : end + 1;
    } else if (ch === "\\") {
      out += fmt[k + 1] ?? "";
      k += 2;
    } else if (ch === "[") {
      const end = fmt.indexOf("]", k);
      const inner = fmt.slice(k + 1, end);
      const currency = /^\$([^-]*)/.exec(inner);
      if (currency) out += currency[1];
      k = end < 0 ? fmt.length : end + 1;
    } else if (ch === "_" || ch === "*") {
      k += 2; // padding to the width of the next character
    } else if (/[#0?,.]/.test(ch)) {
      if (!placed) {
        out += num;
        placed = true;
      }
      k += 1;
    } else {
      out += ch;
      k += 1;
    }
  }
  return out;
}

/**
 * The text Excel shows for a value under a number format.
 *
 * @param value the cell value (number, text, boolean, "" for empty)
 * @param format the number format, e.g. "#,##0.00", "0%", "yyyy-mm-dd", "General"
 * @returns the displayed text
 * @example
 * formatValue(0.256, "0.0%"); // "25.6%"
 * formatValue(45296, "yyyy-mm-dd"); // "2024-01-05"
 */
export function formatValue(value: unknown, format: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    if (
      format &&
      format.includes(";") &&
      format.split(";").length >= 4 &&
      format.split(";")[3].includes("@")
    ) {
      return format
        .split(";")[3]
        .replace(/"([^"]*)"/g, "$1")
        .replace("@", value);
    }
    return value;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value);
  const fmt = format && format !== "General" ? format : "General";
  if (fmt === "General") return general(value);
  if (fmt === "@") return general(value);
  const sections = fmt.split(";");
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length > 1 && sections[1] !== "") {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length > 2 && sections[2] !== "") {
    section = sections[2];
  }
  const bare = section.replace(/\[(Red|Blue|Green|Black|White|Color\d+)\]/gi, "");
  if (
    /[dy]|m{3,}|h|s{1,2}(?![a-z])/i.test(bare.replace(/"[^"]*"|\[[^\]]*\]/g, "")) &&
    !/[#0?]/.test(bare.replace(/"[^"]*"/g, ""))
  ) {
    return formatDate(v, bare.replace(/\[\$-[^\]]*\]/g, ""));
  }
  if (/^[ymd/\-. ]+$/i.test(bare)) return formatDate(v, bare);
  const text = formatNumber(v, bare);
  return value < 0 && section === sections[0] && v < 0 ? `-${text}` : text;
}

/**
 * Whether a number format displays dates/times (so the grid aligns and tests read them as dates).
 *
 * @param format the number format
 * @returns true for date and time formats
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General") return false;
  const bare = format.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]|m{3,}|h/i.test(bare) && !/[#0?]/.test(bare);
}
