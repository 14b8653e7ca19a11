/**
 * Text → bytes in a single-byte Windows code page, for tests that need a file as an Arabic or a
 * Western Windows writes it. The byte of each character is found by inverting the import's own
 * decoder (src/engine/csv/encoding.ts) over all 256 bytes, so the bytes a test writes are exactly
 * those the decoder reads back; the decoder's table itself is checked against Node's ICU decoder
 * in tests/engine/csv/encoding.test.ts.
 */
import { decodeText } from "../../src/engine/csv/encoding";

type CodePage = "windows-1252" | "windows-1256";

const inverses = new Map<CodePage, Map<string, number>>();

function inverse(codePage: CodePage): Map<string, number> {
  let map = inverses.get(codePage);
  if (!map) {
    map = new Map();
    for (let b = 0; b < 256; b++) {
      const c = decodeText(new Uint8Array([b]), codePage).text;
      if (!map.has(c)) map.set(c, b);
    }
    inverses.set(codePage, map);
  }
  return map;
}

/**
 * Encodes text in Windows-1252 or Windows-1256; throws on a character the code page lacks (as
 * Excel would write "?" there, a test must not silently do so).
 *
 * @param text the file's text
 * @param codePage the code page
 * @returns the bytes
 * @example
 * encodeCodePage("مؤهل", "windows-1256"); // Uint8Array [0xe3, 0xc4, 0xe5, 0xe1]
 */
export function encodeCodePage(text: string, codePage: CodePage): Uint8Array {
  const map = inverse(codePage);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = map.get(text[i]);
    if (b === undefined) {
      throw new Error(`${codePage} has no ${JSON.stringify(text[i])} (offset ${i})`);
    }
    out[i] = b;
  }
  return out;
}
