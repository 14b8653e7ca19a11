import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

/**
 * Lint: the office-addins rules (load/sync discipline, isNullObject, no sync in a loop) over all
 * TypeScript, React rules for the task pane, prettier formatting, and layering rules: the engine
 * is free of Office globals and the DOM, and imports only point down
 * (taskpane → workbook → functions → engine → model; see docs/architecture.md).
 */
// Reuse the plugin instances the office-addins config ships with (ESLint refuses two copies).
const basePlugins = officeAddins.configs.recommended.find(
  (c) => c.plugins && c.plugins.prettier
).plugins;

/**
 * Import patterns a layer may not use: everything above it. Relative paths are matched by their
 * folder names, which are unique in src/ (`src/taskpane/functions` is reached only from the pane,
 * which may import anything).
 */
const layer = (...names) =>
  names.flatMap((n) => [`**/${n}`, `**/${n}/**`, `**/src/${n}`, `**/src/${n}/**`]);
const upward = (names, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: layer(...names), message }] }],
});

export default [
  {
    ignores: [
      "dist/**",
      "dist-preview/**",
      "node_modules/**",
      "coverage/**",
      "tests/e2e/screenshots/**",
      "bench/data/**",
      // Deliberately broken imports; tests/model/layering.test.ts lints them as src/ files.
      "tests/fixtures/layering/**",
    ],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: basePlugins,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-undef": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    rules: {
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "@typescript-eslint/no-unused-vars": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/engine is pure: no Office globals" },
        { name: "Excel", message: "src/engine is pure: no Office globals" },
        { name: "CustomFunctions", message: "src/engine is pure: no Office globals" },
        { name: "window", message: "src/engine is pure: no DOM" },
        { name: "document", message: "src/engine is pure: no DOM" },
      ],
    },
  },
  // Layering: imports only point down. A violation fails lint (tests/model/layering.test.ts).
  {
    files: ["src/model/**/*.{ts,tsx}"],
    rules: upward(
      ["engine", "functions", "workbook", "taskpane", "preview"],
      "src/model is pure names: it imports no other layer"
    ),
  },
  {
    files: ["src/engine/**/*.{ts,tsx}"],
    rules: upward(
      ["functions", "workbook", "taskpane", "preview"],
      "src/engine imports only src/model (and itself)"
    ),
  },
  {
    files: ["src/functions/**/*.{ts,tsx}"],
    rules: upward(
      ["workbook", "taskpane", "preview"],
      "src/functions imports only src/engine and src/model"
    ),
  },
  {
    files: ["src/workbook/**/*.{ts,tsx}"],
    rules: upward(
      ["taskpane", "preview"],
      "src/workbook does not import the task pane; the pane gets workbook actions as props"
    ),
  },
  {
    files: ["src/engine/**/*.ts", "src/functions/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']",
          message: "Excel.run belongs in src/workbook",
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Excel'][callee.property.name='run']",
          message: "Excel.run belongs in src/workbook; pass actions as props",
        },
      ],
    },
  },
  {
    files: [
      "scripts/**/*.js",
      "webpack*.js",
      "jest.config.js",
      "tests/**/*.js",
      "bench/**/*.js",
      "preview/server*.js",
    ],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
