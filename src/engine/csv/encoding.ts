/**
 * The text of an export file from its bytes. Exports come as UTF-8 (with or without a BOM),
 * UTF-16 (Excel's "Unicode Text", with a BOM; little- or big-endian), Windows-1252 (Excel's
 * "CSV (Comma delimited)" on a Western Windows) or Windows-1256 (the same on an Arabic Windows,
 * and many CRMs' "Export to CSV" there). Detection: a BOM decides; else bytes that look like
 * UTF-16 (every other byte zero) are read as such; else valid UTF-8 is UTF-8; else the file is
 * one of the two single-byte code pages, which accept any byte, and the bytes decide
 * (`prefersCp1256`). The caller shows the encoding and may force another.
 *
 * Pure: no TextDecoder needed (jsdom and older WebViews lack some encodings), so the decoders
 * are written out here.
 */

/** The encodings we read. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "windows-1256";

/** Every encoding the user can choose, in menu order. */
export const TEXT_ENCODINGS: readonly TextEncodingName[] = [
  "utf-8",
  "windows-1252",
  "windows-1256",
  "utf-16le",
  "utf-16be",
];

/** A decoded file. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** True when the encoding was detected (a BOM or the bytes), false when it was forced. */
  readonly detected: boolean;
  /** True when the file started with a byte-order mark. */
  readonly bom: boolean;
  /** Characters that could not be decoded (shown as U+FFFD); 0 for a clean read. */
  readonly replaced: number;
}

// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1); 0 marks the five undefined bytes.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

// Windows-1256 bytes 0x80–0xFF (below is ASCII), as unicode.org's MAPPINGS/VENDORS/MICSFT/WINDOWS/
// CP1256.TXT (table version 2.01) gives them; every byte is defined. Checked against a second
// decoder in tests/engine/csv/encoding.test.ts.
const CP1256_HIGH = [
  0x20ac, 0x067e, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0679, 0x2039,
  0x0152, 0x0686, 0x0698, 0x0688, 0x06af, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x06a9, 0x2122, 0x0691, 0x203a, 0x0153, 0x200c, 0x200d, 0x06ba, 0x00a0, 0x060c, 0x00a2, 0x00a3,
  0x00a4, 0x00a5, 0x00a6, 0x00a7, 0x00a8, 0x00a9, 0x06be, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x00af,
  0x00b0, 0x00b1, 0x00b2, 0x00b3, 0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x00b9, 0x061b, 0x00bb,
  0x00bc, 0x00bd, 0x00be, 0x061f, 0x06c1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
  0x0628, 0x0629, 0x062a, 0x062b, 0x062c, 0x062d, 0x062e, 0x062f, 0x0630, 0x0631, 0x0632, 0x0633,
  0x0634, 0x0635, 0x0636, 0x00d7, 0x0637, 0x0638, 0x0639, 0x063a, 0x0640, 0x0641, 0x0642, 0x0643,
  0x00e0, 0x0644, 0x00e2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00e7, 0x00e8, 0x00e9, 0x00ea, 0x00eb,
  0x0649, 0x064a, 0x00ee, 0x00ef, 0x064b, 0x064c, 0x064d, 0x064e, 0x00f4, 0x064f, 0x0650, 0x00f7,
  0x0651, 0x00f9, 0x0652, 0x00fb, 0x00fc, 0x200e, 0x200f, 0x06d2,
];

/** Builds a string from char codes in chunks (String.fromCharCode has an argument limit). */
function fromCodes(codes: Uint16Array, length: number): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(
      String.fromCharCode.apply(
        null,
        codes.subarray(i, Math.min(i + CHUNK, length)) as unknown as number[]
      )
    );
  }
  return parts.join("");
}

function decodeCp1252(bytes: Uint8Array, start: number): string {
  const out = new Uint16Array(bytes.length - start);
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    out[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b;
  }
  return fromCodes(out, out.length);
}

function decodeCp1256(bytes: Uint8Array, start: number): string {
  const out = new Uint16Array(bytes.length - start);
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    out[i - start] = b >= 0x80 ? CP1256_HIGH[b - 0x80] : b;
  }
  return fromCodes(out, out.length);
}

// Bytes that Windows-1256 reads as an Arabic letter, a harakah or a joiner: the parts of a word
// (U+0621–U+06FF minus the three punctuation marks 0xA1, 0xBA, 0xBF; ZWNJ/ZWJ sit inside
// Persian words). In Windows-1252 these same bytes are accented letters, ß, ×, ÷ or symbols.
const CP1256_WORD = CP1256_HIGH.map(
  (cp) => (cp >= 0x0621 && cp <= 0x06ff) || cp === 0x200c || cp === 0x200d
);

const isAsciiLetter = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));

/**
 * Windows-1256 or Windows-1252, for bytes that are not UTF-8. Both code pages agree on ASCII, on
 * the euro sign and on French letters (à â ç è é ê ë î ï ô ù û ü), so only the bytes where they
 * disagree can tell them apart, and *where* those bytes stand decides:
 *
 * - Arabic is written in whole words of high bytes between spaces, digits or punctuation. Each
 *   maximal run of bytes ≥ 0x80 (a dot between two of them included, for abbreviations such as
 *   the riyal's "ر.س") that touches no ASCII letter on either side adds its Arabic-letter bytes
 *   (CP1256_WORD) to `arabic` when it holds at least two of them. Read as Windows-1252 such a
 *   run is a stand-alone string of accented letters ("ÃÍãÏ"), which Western text does not have.
 *   A lone letter (an initial such as "É.") is no evidence either way.
 * - Western text puts its accented letters inside Latin words. Each run that touches an ASCII
 *   letter adds its Arabic-letter bytes to `latin`: read as Windows-1256 they would be Arabic
 *   letters glued to Latin ones ("Mئller", "Espaٌa"), which Arabic text does not have.
 *
 * The file is Windows-1256 when `arabic > latin`; a tie (no evidence either way, e.g. only French
 * accents or a euro sign, which both code pages read alike) stays Windows-1252.
 */
function prefersCp1256(bytes: Uint8Array): boolean {
  let arabic = 0;
  let latin = 0;
  let i = 0;
  const len = bytes.length;
  while (i < len) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    // A dot between two high bytes stays inside the run: Arabic currency abbreviations
    // ("ر.س", "د.إ") are single letters joined by dots.
    while (i < len && (bytes[i] >= 0x80 || (bytes[i] === 0x2e && bytes[i + 1] >= 0x80))) {
      if (bytes[i] >= 0x80 && CP1256_WORD[bytes[i] - 0x80]) letters++;
      i++;
    }
    if (isAsciiLetter(bytes[start - 1]) || isAsciiLetter(bytes[i])) latin += letters;
    else if (letters >= 2) arabic += letters;
  }
  return arabic > latin;
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const n = (bytes.length - start) >> 1;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const a = bytes[start + 2 * i];
    const b = bytes[start + 2 * i + 1];
    out[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  return fromCodes(out, n);
}

/**
 * Decodes UTF-8; returns null at the first invalid sequence when `strict`, else replaces it.
 */
function decodeUtf8(bytes: Uint8Array, start: number, strict: boolean): [string, number] | null {
  const out = new Uint16Array(bytes.length - start);
  let n = 0;
  let replaced = 0;
  let i = start;
  const len = bytes.length;
  while (i < len) {
    const b = bytes[i];
    if (b < 0x80) {
      out[n++] = b;
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      min = 0x10000;
    } else need = -1;
    let ok = need > 0 && i + need < len;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const c = bytes[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (c & 0x3f);
      }
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      if (strict) return null;
      out[n++] = 0xfffd;
      replaced++;
      i++;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out[n++] = 0xd800 + (cp >> 10);
      out[n++] = 0xdc00 + (cp & 0x3ff);
    } else out[n++] = cp;
    i += need + 1;
  }
  return [fromCodes(out, n), replaced];
}

/** UTF-16 without a BOM: in the first bytes, zeros sit on one parity (ASCII text). */
function sniffUtf16(bytes: Uint8Array): TextEncodingName | null {
  const n = Math.min(bytes.length & ~1, 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Decodes an export's bytes, detecting the encoding unless one is forced.
 *
 * @param bytes the file's bytes
 * @param forced an encoding chosen by the user (the BOM of that encoding is still skipped)
 * @returns the text and the encoding used
 * @example
 * decodeText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9])).encoding; // "windows-1252" ("José")
 * decodeText(new Uint8Array([0xe3, 0xc4, 0xe5, 0xe1])).text; // "مؤهل" (Windows-1256)
 * decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00])).text; // "A"
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let bomEncoding: TextEncodingName | null = null;
  let bomLength = 0;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) [bomEncoding, bomLength] = ["utf-8", 3];
  else if (b0 === 0xff && b1 === 0xfe) [bomEncoding, bomLength] = ["utf-16le", 2];
  else if (b0 === 0xfe && b1 === 0xff) [bomEncoding, bomLength] = ["utf-16be", 2];

  const decodeAs = (encoding: TextEncodingName, detected: boolean): DecodedText => {
    const start = bomEncoding === encoding ? bomLength : 0;
    const bom = start > 0;
    if (encoding === "windows-1252") {
      return { text: decodeCp1252(bytes, start), encoding, detected, bom, replaced: 0 };
    }
    if (encoding === "windows-1256") {
      return { text: decodeCp1256(bytes, start), encoding, detected, bom, replaced: 0 };
    }
    if (encoding === "utf-16le" || encoding === "utf-16be") {
      const text = decodeUtf16(bytes, start, encoding === "utf-16le");
      return { text, encoding, detected, bom, replaced: 0 };
    }
    const [text, replaced] = decodeUtf8(bytes, start, false)!;
    return { text, encoding, detected, bom, replaced };
  };

  if (forced) return decodeAs(forced, false);
  if (bomEncoding) return decodeAs(bomEncoding, true);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return decodeAs(utf16, true);
  const strict = decodeUtf8(bytes, 0, true);
  if (strict)
    return { text: strict[0], encoding: "utf-8", detected: true, bom: false, replaced: 0 };
  return decodeAs(prefersCp1256(bytes) ? "windows-1256" : "windows-1252", true);
}
