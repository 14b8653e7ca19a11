/**
 * Generates the localized custom-function metadata (`functions-ar.json`) from the
 * `functions.json` that custom-functions-metadata-plugin emits, plus a translation table
 * (`src/functions/i18n/ar.json`: descriptions by function id and parameter name).
 *
 * Excel reads a function's description and parameter help from the metadata declared for the
 * user's locale (manifest.xml overrides Functions.Metadata.Url for Arabic locales). Ids, names,
 * parameter names, types and counts are copied untouched so formulas keep working between
 * languages; only descriptions are replaced.
 *
 * The build fails (a webpack error naming the function and parameter) when a translation is
 * missing, empty, not Arabic, or attached to a parameter the function does not have. A
 * translation for a function id that does not exist is only a warning: the table may run ahead
 * of the code while functions are being added, and it ships nothing.
 */
const fs = require("fs");
const path = require("path");

const PLUGIN = "LocalizeFunctionsPlugin";

/** Letters of the Arabic script (basic block and presentation forms). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z]/g;

/** What stays in English inside a translation: quoted values, `Deals[Stage]`, SALES.NAME, TRUE/FALSE. */
const CODE = /"[^"]*"|[A-Za-z_][\w.]*\[[^\]]*\]|SALES\.[A-Z_]+|\b[A-Z][A-Z0-9_]+\b/g;

/**
 * Whether a text reads as Arabic: once code and quoted values (`Deals[Stage]`, "Closed Won",
 * SALES.WIN_RATE, TRUE) are set aside, it has Arabic letters and more of them than Latin ones.
 *
 * @param {string} text
 * @returns {boolean}
 * @example
 * isArabicText('مرحلة كل صفقة، مثل Deals[Stage]'); // true
 * isArabicText("Each deal's stage"); // false
 */
function isArabicText(text) {
  const prose = text.replace(CODE, " ");
  const arabic = (prose.match(ARABIC) || []).length;
  const latin = (prose.match(LATIN) || []).length;
  return arabic > 0 && arabic > latin;
}

/**
 * Localizes custom-function metadata with a translation table. Pure: no files, no webpack.
 *
 * @param {{functions: Array<{id: string, name: string, description?: string, parameters?: Array<{name: string, description?: string}>}>}} metadata
 *   the generated functions.json, parsed
 * @param {Record<string, {description: string, parameters?: Record<string, string>}>} table
 *   translations by function id, parameter descriptions by parameter name
 * @param {{tableFile?: string, isTranslated?: (text: string) => boolean}} [options]
 *   the table's path for messages, and the check that a text is in the target language
 * @returns {{metadata: object, errors: string[], warnings: string[]}} the localized metadata
 *   (a deep copy) and what is wrong with the table
 * @example
 * localizeMetadata({ functions: [{ id: "GROWTH", name: "GROWTH", parameters: [] }] },
 *   { GROWTH: { description: "النمو", parameters: {} } }).errors; // []
 */
function localizeMetadata(metadata, table, options = {}) {
  const where = options.tableFile || "the translation table";
  const isTranslated = options.isTranslated || isArabicText;
  const errors = [];
  const warnings = [];
  const out = JSON.parse(JSON.stringify(metadata));
  const functions = Array.isArray(out.functions) ? out.functions : [];
  const ids = new Set(functions.map((f) => f.id));

  const check = (text, what) => {
    if (typeof text !== "string" || text.trim() === "") {
      errors.push(`${what} has no Arabic translation: add it to ${where}`);
      return false;
    }
    if (!isTranslated(text)) {
      errors.push(`${what} translation is not Arabic text in ${where}: "${text}"`);
      return false;
    }
    return true;
  };

  for (const fn of functions) {
    const entry = table[fn.id];
    const label = `SALES.${fn.id}`;
    if (!entry || typeof entry !== "object") {
      errors.push(
        `${label} has no Arabic translation: add "${fn.id}": { "description": …, "parameters": { ${(
          fn.parameters || []
        )
          .map((p) => `"${p.name}": …`)
          .join(", ")} } } to ${where}`
      );
      continue;
    }
    if (check(entry.description, `${label} description`)) fn.description = entry.description;
    const translated = entry.parameters || {};
    const names = new Set();
    for (const p of fn.parameters || []) {
      names.add(p.name);
      if (check(translated[p.name], `${label} parameter "${p.name}"`)) {
        p.description = translated[p.name];
      }
    }
    for (const name of Object.keys(translated)) {
      if (!names.has(name)) {
        errors.push(
          `${label} has no parameter "${name}" but ${where} translates one (renamed? its parameters are: ${
            [...names].join(", ") || "none"
          })`
        );
      }
    }
  }
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) {
      warnings.push(`${where} translates SALES.${id}, which is not in functions.json`);
    }
  }
  return { metadata: out, errors, warnings };
}

/**
 * Webpack plugin: after custom-functions-metadata-plugin has added `input` (functions.json) to
 * the compilation, emits `output` (functions-ar.json) localized with `table`; errors fail the
 * build.
 *
 * @example
 * new LocalizeFunctionsPlugin({ input: "functions.json", output: "functions-ar.json",
 *   table: "./src/functions/i18n/ar.json" })
 */
class LocalizeFunctionsPlugin {
  /**
   * @param {{input: string, output: string, table: string}} options asset names and the table file
   */
  constructor(options) {
    this.options = options;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const tableFile = path.resolve(compiler.context, this.options.table);
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap(
        // ADDITIONAL runs after the assets added at compilation time (functions.json) exist.
        { name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(tableFile);
          const source = compilation.getAsset(this.options.input);
          if (!source) {
            // The metadata plugin reports its own errors; without its output there is nothing to do.
            if (compilation.errors.length === 0) {
              compilation.errors.push(
                new WebpackError(`${PLUGIN}: ${this.options.input} was not generated`)
              );
            }
            return;
          }
          let table;
          try {
            table = JSON.parse(fs.readFileSync(tableFile, "utf8"));
          } catch (e) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: cannot read ${tableFile}: ${e}`));
            return;
          }
          const metadata = JSON.parse(source.source.source().toString());
          const relative = path.relative(compiler.context, tableFile);
          const result = localizeMetadata(metadata, table, { tableFile: relative });
          for (const e of result.errors)
            compilation.errors.push(new WebpackError(`${PLUGIN}: ${e}`));
          for (const w of result.warnings) {
            compilation.warnings.push(new WebpackError(`${PLUGIN}: ${w}`));
          }
          if (result.errors.length === 0) {
            compilation.emitAsset(
              this.options.output,
              new sources.RawSource(JSON.stringify(result.metadata, null, 4))
            );
          }
        }
      );
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, localizeMetadata, isArabicText };
