import { decodeText } from "../../../src/engine/csv/encoding";

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
}

describe("decodeText", () => {
  it("reads Windows-1252 (Excel's CSV on Windows) when the bytes are not UTF-8", () => {
    // "José García € “q” – ok" in Windows-1252: é E9, í ED, € 80, “ 93, ” 94, – 96.
    const cp1252: Record<string, number> = {
      é: 0xe9,
      í: 0xed,
      "€": 0x80,
      "“": 0x93,
      "”": 0x94,
      "–": 0x96,
    };
    const bytes = new Uint8Array(
      [..."José García € “q” – ok"].map((c) => cp1252[c] ?? c.charCodeAt(0))
    );
    const d = decodeText(bytes);
    expect(d.encoding).toBe("windows-1252");
    expect(d.text).toBe("José García € “q” – ok");
    expect(d.text).not.toContain("\ufffd");
  });

  it("reads UTF-8 with and without a BOM", () => {
    const text = "Deal,Amount\nشركة النور,١٢٠٠\nJosé,€5\n";
    const bytes = new Uint8Array(Buffer.from(text, "utf8"));
    expect(decodeText(bytes)).toMatchObject({ text, encoding: "utf-8", bom: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeText(withBom)).toMatchObject({ text, encoding: "utf-8", bom: true });
  });

  it("reads UTF-16LE and UTF-16BE by their BOM, and UTF-16LE without one", () => {
    const text = "Deal ID\tName\r\nD1\tJosé – شركة\r\n";
    expect(decodeText(utf16(text, true, true))).toMatchObject({ text, encoding: "utf-16le" });
    expect(decodeText(utf16(text, false, true))).toMatchObject({ text, encoding: "utf-16be" });
    expect(decodeText(utf16(text, true, false))).toMatchObject({ text, encoding: "utf-16le" });
  });

  it("decodes astral characters and replaces broken UTF-8 when forced", () => {
    expect(decodeText(new Uint8Array(Buffer.from("😀 ok", "utf8"))).text).toBe("😀 ok");
    const forced = decodeText(new Uint8Array([0x41, 0xe9, 0x42]), "utf-8");
    expect(forced).toMatchObject({ text: "A\ufffdB", replaced: 1, detected: false });
  });

  it("lets the user force another encoding", () => {
    const bytes = new Uint8Array(Buffer.from("José", "utf8"));
    expect(decodeText(bytes, "windows-1252").text).toBe("JosÃ©");
  });
});
