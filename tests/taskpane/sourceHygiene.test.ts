/**
 * Lint-like checks of the task pane sources that ESLint has no rule for:
 * - no hard-coded colors outside shell/theme.ts (high-contrast and dark themes only work when every
 *   color comes from Fluent tokens);
 * - no user-visible text literals in components (every word must come from the catalogues so it
 *   exists in English and Arabic).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const taskpane = path.join(__dirname, "..", "..", "src", "taskpane");

function files(dir: string, test: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, test) : test(full) ? [full] : [];
  });
}

const rel = (f: string) => path.relative(taskpane, f).split(path.sep).join("/");

// ---------- colors ----------

const COLOR_PATTERNS: [string, RegExp][] = [
  ["hex color", /["'`][^"'`]*#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b/],
  ["rgb()/hsl() color", /\b(?:rgba?|hsla?)\s*\(/],
  [
    "named color",
    /\b(?:color|background(?:Color)?|border(?:\w*Color)?|outline(?:Color)?|fill|stroke)\s*:\s*["'](?:red|green|blue|black|white|gray|grey|yellow|orange|purple|pink|navy|silver|maroon)["']/i,
  ],
];

/** The hard-coded colors in a source text (comments removed), as "line: kind". */
function hardCodedColors(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " "))
    .replace(/\/\/.*$/gm, "");
  const found: string[] = [];
  code.split("\n").forEach((line, i) => {
    for (const [kind, re] of COLOR_PATTERNS) if (re.test(line)) found.push(`${i + 1}: ${kind}`);
  });
  return found;
}

// ---------- text literals in JSX ----------

/** Attributes whose value people see or hear. */
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "aria-placeholder",
  "title",
  "placeholder",
  "alt",
  "label",
]);

const LETTERS = /\p{L}{2,}/u;

function literalText(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  }
  return null;
}

/** User-visible text literals in a TSX source, as "line: text". */
function jsxTextLiterals(source: string, fileName = "x.tsx"): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${line}: ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTERS.test(node.text)) report(node, node.text);
    if (
      ts.isJsxExpression(node) &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const text = literalText(node.expression);
      if (text !== null && LETTERS.test(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      const text =
        init && ts.isJsxExpression(init) ? literalText(init.expression) : literalText(init);
      if (text !== null && LETTERS.test(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("hardCodedColors", () => {
  it("finds hex, rgb and named colors but not tokens or comments", () => {
    expect(hardCodedColors('const a = { color: "#ff0000" };')).toEqual(["1: hex color"]);
    expect(hardCodedColors("const a = { color: 'rgb(1, 2, 3)' };")).toEqual([
      "1: rgb()/hsl() color",
    ]);
    expect(hardCodedColors('x\nconst a = { backgroundColor: "white" };')).toEqual([
      "2: named color",
    ]);
    expect(hardCodedColors("const a = { color: tokens.colorNeutralForeground1 };")).toEqual([]);
    expect(hardCodedColors('// was "#fff"\n/* rgb(0,0,0) */')).toEqual([]);
    expect(hardCodedColors('const label = "#1 rep";')).toEqual([]);
  });
});

describe("jsxTextLiterals", () => {
  it("finds text children, string children and visible attributes", () => {
    const src = [
      "const A = () => (",
      '  <div aria-label="Close" data-testid="x">',
      "    Hello",
      '    {"World"}',
      "    <Input placeholder={`Type here`} />",
      '    {s.title} {" "} {42} — :',
      "  </div>",
      ");",
    ].join("\n");
    expect(jsxTextLiterals(src)).toEqual(["2: Close", "3: Hello", "4: World", "5: Type here"]);
  });

  it("accepts strings from catalogues, class names and test ids", () => {
    const src =
      'const A = () => <p className="x" data-testid="y" dir="ltr">{s.intro}{fill(s.count, { n: "1" })}</p>;';
    expect(jsxTextLiterals(src)).toEqual([]);
  });
});

describe("task pane sources", () => {
  const sources = files(taskpane, (f) => /\.tsx?$/.test(f));

  it("use Fluent tokens only: no hard-coded colors outside shell/theme.ts", () => {
    const offenders = sources
      .filter((f) => rel(f) !== "shell/theme.ts" && !rel(f).startsWith("i18n/"))
      .flatMap((f) => hardCodedColors(fs.readFileSync(f, "utf8")).map((h) => `${rel(f)}:${h}`));
    expect(offenders).toEqual([]);
  });

  it("show no text literals in components: every word comes from a catalogue", () => {
    const offenders = sources
      .filter((f) => f.endsWith(".tsx"))
      .flatMap((f) => jsxTextLiterals(fs.readFileSync(f, "utf8"), f).map((t) => `${rel(f)}:${t}`));
    expect(offenders).toEqual([]);
  });
});
