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

const DEV_URL = "https://localhost:3000/";
/** Where the production add-in is hosted: set ADDIN_PUBLIC_URL (https, trailing slash optional). */
const PROD_URL = (process.env.ADDIN_PUBLIC_URL || "https://sales-kpis.example.com/").replace(
  /\/?$/,
  "/"
);

/** Every file of custom functions: the metadata plugin reads their JSDoc and registers them. */
const functionFiles = fs
  .readdirSync(path.join(__dirname, "src/functions/sales"))
  .filter((f) => f.endsWith(".ts"))
  .sort()
  .map((f) => `./src/functions/sales/${f}`);

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  if (!PROD_URL.startsWith("https://")) throw new Error("ADDIN_PUBLIC_URL must be an https URL");

  const config = {
    devtool: dev ? "eval-source-map" : "source-map",
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
              dev
                ? content
                : content
                    .toString()
                    .replace(new RegExp(DEV_URL, "g"), PROD_URL)
                    .replace(new RegExp(DEV_URL.slice(0, -1), "g"), new URL(PROD_URL).origin),
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
