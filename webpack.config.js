/**
 * Builds the shipped add-in: `taskpane` (React UI) and `functions` (SALES.* custom functions),
 * both loaded by taskpane.html because the add-in uses a shared runtime; `functions.json` is
 * generated from the JSDoc of src/functions/sales/*.ts. Certificates are requested only by
 * `webpack serve`, never by a plain build.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localizeFunctionsPlugin");

const { rewriteManifest } = require("./scripts/manifestUrl");
/**
 * Where the released add-in is hosted: ADDIN_PUBLIC_URL (https, trailing slash optional).
 * `npm run build:prod` (--env release) requires it; `npm run build` (what `npm test` and CI run)
 * is a local production build whose manifest keeps https://localhost:3000 unless it is set.
 */
const PUBLIC_URL = process.env.ADDIN_PUBLIC_URL
  ? process.env.ADDIN_PUBLIC_URL.replace(/\/?$/, "/")
  : null;

/** Every file of custom functions: the metadata plugin reads their JSDoc and registers them. */
const functionFiles = fs
  .readdirSync(path.join(__dirname, "src/functions/sales"))
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => `./src/functions/sales/${f}`);

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const release = Boolean(env && env.release);
  if (release && !PUBLIC_URL) {
    console.error(
      "build:prod needs ADDIN_PUBLIC_URL, the https address where dist/ will be hosted (e.g. ADDIN_PUBLIC_URL=https://addins.contoso.com/sales-kpis/ npm run build:prod); see docs/deploy.md."
    );
    process.exit(1);
  }
  if (PUBLIC_URL && !PUBLIC_URL.startsWith("https://")) {
    console.error(`ADDIN_PUBLIC_URL must be an https URL (got ${PUBLIC_URL}).`);
    process.exit(1);
  }

  const config = {
    // No source maps in production builds: dist/ is what gets hosted, and a 10 MB map of our
    // sources has no place there. Development builds keep inline maps for debugging.
    devtool: dev ? "eval-source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: functionFiles,
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      // Arabic metadata (functions-ar.json) from functions.json; fails on a missing translation.
      new LocalizeFunctionsPlugin({
        input: "functions.json",
        output: "functions-ar.json",
        table: "./src/functions/i18n/ar.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev || !PUBLIC_URL ? content : rewriteManifest(content.toString(), PUBLIC_URL),
          },
        ],
      }),
    ],
  };

  if (serving) {
    // Only `webpack serve` needs the localhost certificate; a build must work on a machine without one.
    const devCerts = require("office-addin-dev-certs");
    const httpsOptions = await devCerts.getHttpsServerOptions();
    config.devServer = {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert },
      },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }
  return config;
};
