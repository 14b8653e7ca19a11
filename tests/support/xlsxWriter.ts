/**
 * A minimal XLSX writer for tests and benchmarks: one or more sheets of text, numbers, booleans
 * and dates (as Excel serials under a date format), with shared strings as Excel writes them.
 * Enough to produce each CRM's XLSX export layout without a spreadsheet program.
 */
import { strToU8, zipSync } from "fflate";

/** A cell: text, number, boolean, a date serial ({ date }), or blank. */
export type XlsxCell = string | number | boolean | { readonly date: number } | null;

/** One sheet to write. */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly (readonly XlsxCell[])[];
}

const escape = (t: string): string =>
  t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function ref(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/**
 * Writes an XLSX file.
 *
 * @param sheets the sheets, in tab order
 * @param options date1904: write a 1904-based workbook (dates shifted by 1462 days)
 * @returns the file's bytes
 * @example
 * writeXlsx([{ name: "Deals", rows: [["Deal ID", "Amount"], ["D1", 5000]] }]);
 */
export function writeXlsx(
  sheets: readonly XlsxSheet[],
  options: { readonly date1904?: boolean } = {}
): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, s) => {
    const rows = sheet.rows.map((row, r) => {
      const cells = row
        .map((v, c) => {
          if (v === null || v === "") return "";
          const at = ref(r, c);
          if (typeof v === "number") return `<c r="${at}"><v>${v}</v></c>`;
          if (typeof v === "boolean") return `<c r="${at}" t="b"><v>${v ? 1 : 0}</v></c>`;
          if (typeof v === "object") {
            const serial = options.date1904 ? v.date - 1462 : v.date;
            const style = Number.isInteger(serial) ? 1 : 2;
            return `<c r="${at}" s="${style}"><v>${serial}</v></c>`;
          }
          let i = index.get(v);
          if (i === undefined) {
            i = strings.length;
            strings.push(v);
            index.set(v, i);
          }
          return `<c r="${at}" t="s"><v>${i}</v></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    });
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`
    );
  });
  const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${main} ${rel}><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${sheets
      .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join(
        ""
      )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst ${main} count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((t) => `<si><t xml:space="preserve">${escape(t)}</t></si>`)
      .join("")}</sst>`
  );
  // Style 0 General, 1 built-in date (14), 2 custom date-time (164).
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${main}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`
  );
  return zipSync(files, { level: 6 });
}
