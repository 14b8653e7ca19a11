import * as fs from "fs";
import * as path from "path";

/** Reads a CSV fixture as the browser's File.text() would (UTF-8, BOM kept). */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "csv", name), "utf8");
}
