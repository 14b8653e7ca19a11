/**
 * Builds the local preview into dist-preview/ (never dist/): the page that hosts the real task
 * pane beside the Excel stand-in, bundled with HyperFormula and Chart.js. The shipped bundles in
 * dist/ do not contain any of this.
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (_env, options) => ({
  mode: options.mode || "production",
  // No source maps: tests build in development mode (minifying HyperFormula takes minutes), and
  // the preview is a local tool, never hosted.
  devtool: false,
  entry: { preview: "./preview/web/main.ts" },
  output: { path: path.resolve(__dirname, "dist-preview"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"], fallback: { fs: false, path: false } },
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
    // In the browser the SALES registry comes from what dist/functions.js registered.
    new webpack.NormalModuleReplacementPlugin(/[\\/]nodeRegistry$/, (resource) => {
      resource.request = resource.request.replace(/nodeRegistry$/, "nodeRegistry.browser");
    }),
    new HtmlWebpackPlugin({
      filename: "preview.html",
      template: "./preview/web/preview.html",
      chunks: ["preview"],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "preview/web/preview.css", to: "preview.css" },
        { from: "preview/web/inject.js", to: "preview-inject.js" },
      ],
    }),
  ],
});
