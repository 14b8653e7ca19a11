import * as fs from "fs";
import * as path from "path";
import { TextDecoder } from "util";
import { decodeText } from "../../../src/engine/csv/encoding";
import { encodeCodePage } from "../../support/codePages";
import { GERMAN_TEXT } from "../../fixtures/foreignExports";

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

describe("decodeText: Windows-1256 (Arabic)", () => {
  it("decodes all 128 high bytes as Node's ICU windows-1256 decoder does", () => {
    const icu = new TextDecoder("windows-1256");
    const diff: string[] = [];
    for (let b = 0x80; b <= 0xff; b++) {
      const ours = decodeText(new Uint8Array([b]), "windows-1256").text;
      const theirs = icu.decode(new Uint8Array([b]));
      if (ours !== theirs) diff.push(`${b.toString(16)}: ${ours} ≠ ${theirs}`);
    }
    expect(diff).toEqual([]);
    // ASCII is ASCII.
    const ascii = Uint8Array.from({ length: 0x80 }, (_, i) => i);
    expect(decodeText(ascii, "windows-1256").text).toBe(icu.decode(ascii));
  });

  it("maps the code points unicode.org's CP1256.TXT lists", () => {
    // Byte → code point, as the table's lines read (0xC7 0x0627 #ARABIC LETTER ALEF, …).
    const listed: [number, number][] = [
      [0x80, 0x20ac], // EURO SIGN
      [0x81, 0x067e], // ARABIC LETTER PEH
      [0x90, 0x06af], // ARABIC LETTER GAF
      [0x9d, 0x200c], // ZERO WIDTH NON-JOINER
      [0xa1, 0x060c], // ARABIC COMMA
      [0xbf, 0x061f], // ARABIC QUESTION MARK
      [0xc1, 0x0621], // ARABIC LETTER HAMZA
      [0xc7, 0x0627], // ARABIC LETTER ALEF
      [0xd7, 0x00d7], // MULTIPLICATION SIGN
      [0xdc, 0x0640], // ARABIC TATWEEL
      [0xe1, 0x0644], // ARABIC LETTER LAM
      [0xe9, 0x00e9], // LATIN SMALL LETTER E WITH ACUTE
      [0xed, 0x064a], // ARABIC LETTER YEH
      [0xfe, 0x200f], // RIGHT-TO-LEFT MARK
      [0xff, 0x06d2], // ARABIC LETTER YEH BARREE
    ];
    for (const [byte, cp] of listed) {
      expect([byte, decodeText(new Uint8Array([byte]), "windows-1256").text]).toEqual([
        byte,
        String.fromCharCode(cp),
      ]);
    }
  });

  const ARABIC_EXPORT = [
    "Deal Owner,Account Name,Deal Name,Stage,Amount,Closing Date,City",
    "أحمد الشمري,شركة النور للتجارة,توريد أجهزة,مؤهل,12500.00,2026-03-15,الرياض",
    "فاطمة الزهراء,مؤسسة الأفق,عقد صيانة,عرض سعر,8300.50,2026-04-02,جدة",
    "خالد منصور,مجموعة الخليج القابضة,تجديد الترخيص,مغلق - فوز,45000.00,2026-01-20,الدمام",
    "سارة العتيبي,مصنع الرواد,خط إنتاج,مغلق - خسارة,3100.00,2026-02-11,القاهرة",
    'عبدالله الحربي,شركة السلام،فرع جدة,"صفقة ""الربيع""",تفاوض,27750.25,2026-05-30,مكة المكرمة',
  ].join("\r\n");

  const WESTERN_EXPORT = [
    "Opportunity Owner;Account Name;Opportunity Name;Stage;Amount;Close Date;City",
    "Jörg Müller;Müller GmbH;Erweiterung Lager;Qualifizierung;1.234,56 €;15.03.2026;München",
    "Émilie Lefèvre;Société Générale;Renouvellement;Proposition;12 500,00 €;02.04.2026;Créteil",
    "José Núñez;Telefónica España;Ampliación;Negociación;9.800,00 €;20.01.2026;A Coruña",
    "Anna Weiß;Straße & Söhne KG;Wartung;Gewonnen;3.100,00 €;11.02.2026;Köln",
    "João Conceição;Informações Ltda;Expansão;Proposta;27.750,25 €;30.05.2026;São Paulo",
    "Ingrid Ångström;Øresund AB;Förnyelse;Förhandling;€ 4.200,00;01.06.2026;Malmö",
  ].join("\r\n");

  it("detects Arabic names, companies, stages and cities written in Windows-1256", () => {
    const d = decodeText(encodeCodePage(ARABIC_EXPORT, "windows-1256"));
    expect(d).toMatchObject({ encoding: "windows-1256", detected: true, bom: false, replaced: 0 });
    expect(d.text).toBe(ARABIC_EXPORT);
  });

  it("keeps French, German, Spanish, Portuguese and Nordic names in Windows-1252", () => {
    const d = decodeText(encodeCodePage(WESTERN_EXPORT, "windows-1252"));
    expect(d).toMatchObject({ encoding: "windows-1252", detected: true });
    expect(d.text).toBe(WESTERN_EXPORT);
  });

  it("keeps the German Excel CSV fixture (1.234,56 €, Jörg Müller, Anna Weiß) in Windows-1252", () => {
    const d = decodeText(encodeCodePage(GERMAN_TEXT, "windows-1252"));
    expect([d.encoding, d.text]).toEqual(["windows-1252", GERMAN_TEXT]);
  });

  it("finds Windows-1256 in a mostly ASCII file with one Arabic name", () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${9000 + i},Deal ${i},${i === 23 ? "محمد" : `Owner ${i % 5}`},Qualified,${i * 100}`
    );
    const text = ["Record ID,Deal Name,Deal owner,Deal Stage,Amount", ...rows].join("\n");
    const d = decodeText(encodeCodePage(text, "windows-1256"));
    expect([d.encoding, d.detected, d.text]).toEqual(["windows-1256", true, text]);
  });

  it("finds Windows-1256 when the only Arabic is the currency abbreviation of the amounts", () => {
    // Arabic Excel's riyal and dirham formats: letters joined by dots, and a right-to-left mark.
    const text = [
      "Deal Name,Deal Owner,Amount",
      "Renewal,Omar Said,\u200fر.س.\u200f 12,500.00",
      "Expansion,Lina Haddad,\u200fد.إ.\u200f 8,300.50",
      "Support,Omar Said,\u200fر.س.\u200f 950.00",
    ].join("\r\n");
    const d = decodeText(encodeCodePage(text, "windows-1256"));
    expect([d.encoding, d.text]).toEqual(["windows-1256", text]);
  });

  it("keeps Western names with accented initials (É. Ö. Å.) in Windows-1252", () => {
    const text = "Owner,Account\nÉ. Martin,Café Noël\nJ. Ö. Lind,Øresund AB\nÅ. Berg,Malmö\n";
    const d = decodeText(encodeCodePage(text, "windows-1252"));
    expect([d.encoding, d.text]).toEqual(["windows-1252", text]);
  });

  it("reads the euro sign of an Arabic file (the same byte 0x80 in both code pages)", () => {
    const text = "العميل;المبلغ\r\nشركة الأمل;€ 1.200,50\r\nمؤسسة الفجر;950 €\r\n";
    const d = decodeText(encodeCodePage(text, "windows-1256"));
    expect([d.encoding, d.text]).toEqual(["windows-1256", text]);
  });

  it("reads French names in an Arabic file: those letters are the same bytes in both pages", () => {
    const text =
      "Client,Ville\nSociété Générale Maroc,الدار البيضاء\nCrédit Agricole,الرباط\n" +
      "Hélène Benali,وكالة المغرب العربي\n";
    const d = decodeText(encodeCodePage(text, "windows-1256"));
    expect([d.encoding, d.text]).toEqual(["windows-1256", text]);
  });

  it("stays Windows-1252 when the bytes say nothing either way (French accents, €)", () => {
    const text = "Client,Montant\nSociété Générale,1 200 €\nCafé de la Gare,à régler\n";
    const d = decodeText(encodeCodePage(text, "windows-1252"));
    expect([d.encoding, d.detected, d.text]).toEqual(["windows-1252", true, text]);
  });

  it("keeps upper-case Portuguese and Icelandic, whose accent pairs are Arabic-letter bytes", () => {
    // Ç Ã Õ Þ ó are Arabic letters in Windows-1256 (0xC7 0xC3 0xD5 0xDE 0xF3) and come in pairs
    // here, but inside Latin words: Western evidence, not Arabic.
    const text =
      "Conta;Responsável\nCONSTRUÇÃO LTDA;Þórður Guðmundsson\nINFORMAÇÕES S.A.;" +
      "JOÃO CONCEIÇÃO\nAÇÕES E SOLUÇÕES;Sigurður Þór\n";
    const d = decodeText(encodeCodePage(text, "windows-1252"));
    expect([d.encoding, d.text]).toEqual(["windows-1252", text]);
  });

  it("keeps an Arabic file Windows-1256 when a few Arabic words touch Latin letters", () => {
    const text =
      "الحساب,المرحلة\nQ3الربع الثالث,مؤهل\nشركة النورLLC,عرض سعر\nمؤسسة الأفق,مغلق - فوز\n" +
      "مجموعة الخليج,مغلق - خسارة\n";
    const d = decodeText(encodeCodePage(text, "windows-1256"));
    expect([d.encoding, d.text]).toEqual(["windows-1256", text]);
  });

  it("reads the Arabic fixtures of tests/fixtures/csv as Windows-1256 once re-encoded", () => {
    const dir = path.join(__dirname, "..", "..", "fixtures", "csv");
    const checked: string[] = [];
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), "utf8").replace(/^\ufeff/, "");
      if (!/[\u0600-\u06ff]/.test(text)) continue;
      let bytes: Uint8Array;
      try {
        bytes = encodeCodePage(text, "windows-1256");
      } catch {
        continue; // a character Windows-1256 lacks: Excel could not have written this file so
      }
      const d = decodeText(bytes);
      expect([name, d.encoding, d.text === text]).toEqual([name, "windows-1256", true]);
      checked.push(name);
    }
    expect(checked.length).toBeGreaterThanOrEqual(3);
  });

  it("lets the user force either code page over the detected one", () => {
    const bytes = encodeCodePage("أحمد,مؤهل", "windows-1256");
    // Read as Western, an Arabic name is the mojibake users reported.
    expect(decodeText(bytes, "windows-1252")).toMatchObject({
      text: "ÃÍãÏ,ãÄåá",
      encoding: "windows-1252",
      detected: false,
    });
    const western = encodeCodePage("Núñez", "windows-1252");
    expect(decodeText(western, "windows-1256")).toMatchObject({
      encoding: "windows-1256",
      detected: false,
    });
    expect(decodeText(western, "windows-1256").text).not.toBe("Núñez");
  });

  it("skips no BOM it does not own and replaces nothing", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xc7]);
    expect(decodeText(bytes, "windows-1256")).toMatchObject({
      text: "ï»؟ا",
      bom: false,
      replaced: 0,
    });
  });
});
