/**
 * The preview's web server: dist-preview/ (the preview page) and dist/ (the built add-in), with
 * dist/taskpane.html rewritten to load office.js from the @microsoft/office-js package (the CDN is
 * unreachable here; tests/e2e/customFunctionsPatch.js appended) and the stand-in injection right
 * after it, before the add-in's bundles. https with office-addin-dev-certs' localhost
 * certificate (reused while valid, never installed), else http (said on the console).
 */
const fs = require("fs");
const http = require("http");
const https = require("https");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const DIST_PREVIEW = path.join(ROOT, "dist-preview");
const OFFICE_JS_DIR = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CF_PATCH = path.join(ROOT, "tests", "e2e", "customFunctionsPatch.js");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json",
  ".csv": "text/csv; charset=utf-8",
};

/** Resolves a URL path inside a folder, or null when it escapes it or does not exist. */
function fileIn(dir, urlPath) {
  const file = path.join(dir, decodeURIComponent(urlPath));
  if (!file.startsWith(dir + path.sep) && file !== dir) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/** dist/taskpane.html with office.js served locally and the stand-in injected after it. */
function taskpaneHtml() {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const officeTag =
    /<script[^>]*src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?[^>]*><\/script>/;
  if (!officeTag.test(html))
    throw new Error("dist/taskpane.html does not load office.js from the CDN");
  return html.replace(
    officeTag,
    // office.js sends a plain-browser page that runs in a frame to about:blank unless OsfOptOut is set.
    '<script>window.OsfOptOut = true;</script>\n    <script src="/office/office.js"></script>\n    <script src="/preview-inject.js"></script>'
  );
}

function handler(req, res) {
  const url = new URL(req.url, "http://localhost");
  let p = url.pathname;
  if (p === "/") p = "/preview.html";
  if (p === "/favicon.ico") p = "/assets/icon-32.png";
  try {
    if (p === "/taskpane.html") {
      const html = taskpaneHtml();
      res.writeHead(200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-store" });
      res.end(html);
      return;
    }
    if (p.startsWith("/office/") || url.href.startsWith(OFFICE_CDN)) {
      const file = fileIn(OFFICE_JS_DIR, p.replace(/^\/office\//, ""));
      if (!file) return void res.writeHead(404).end("not found");
      let body = fs.readFileSync(file);
      if (path.basename(file) === "office.js") {
        body = Buffer.concat([body, Buffer.from(`\n;${fs.readFileSync(CF_PATCH, "utf8")}`)]);
      }
      res.writeHead(200, { "Content-Type": TYPES[".js"] });
      res.end(body);
      return;
    }
    const file = fileIn(DIST_PREVIEW, p) || fileIn(DIST, p);
    if (!file) return void res.writeHead(404).end("not found");
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  } catch (e) {
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
    res.end(String(e && e.stack ? e.stack : e));
  }
}

/** Whether a PEM certificate is valid for at least another day. */
function validForADay(pem) {
  try {
    const { X509Certificate } = require("crypto");
    return Date.parse(new X509Certificate(pem).validTo) > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/**
 * The localhost certificate of office-addin-dev-certs (~/.office-addin-dev-certs): reused while
 * it is valid, else generated. Never installed: trusting the CA needs administrator rights
 * (sudo), which a dev server must not ask for; `trustHint` says how to do it once.
 *
 * @returns {Promise<{ca: Buffer, key: Buffer, cert: Buffer, trustHint: string | null}>}
 */
async function devCertificate() {
  const d = require("office-addin-dev-certs/lib/defaults");
  const files = [d.caCertificatePath, d.localhostKeyPath, d.localhostCertificatePath];
  const read = () => files.map((f) => (fs.existsSync(f) ? fs.readFileSync(f) : null));
  let [ca, key, cert] = read();
  let generated = false;
  if (!ca || !key || !cert || !validForADay(cert)) {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    await generateCertificates();
    [ca, key, cert] = read();
    generated = true;
  }
  const marker = path.join(d.certificateDirectory, ".sales-kpis-trust-hint");
  const hint =
    generated || !fs.existsSync(marker)
      ? "Your browser may warn about the localhost certificate until you trust it once: " +
        "`npx office-addin-dev-certs install` (asks for your password), or accept the warning."
      : null;
  if (hint) fs.writeFileSync(marker, new Date().toISOString());
  return { ca, key, cert, trustHint: hint };
}

/**
 * Starts the preview server.
 *
 * @param {{ port?: number, host?: string, https?: boolean }} [options] port 0 picks a free one;
 *   https (default true) uses office-addin-dev-certs and falls back to http if that fails
 * @returns {Promise<{ url: string, port: number, secure: boolean, trustHint: string | null,
 *   close: () => Promise<void> }>} trustHint: say once how to trust the certificate
 * @throws the listen error (EADDRINUSE when the port is taken)
 */
async function startPreviewServer(options = {}) {
  for (const dir of [DIST, DIST_PREVIEW]) {
    if (!fs.existsSync(dir))
      throw new Error(`${path.relative(ROOT, dir)}/ is missing: run npm run preview (it builds)`);
  }
  let server;
  let secure = false;
  let trustHint = null;
  if (options.https !== false) {
    try {
      const tls = await devCertificate();
      server = https.createServer({ ca: tls.ca, key: tls.key, cert: tls.cert }, handler);
      secure = true;
      trustHint = tls.trustHint;
    } catch (e) {
      console.warn(
        `No dev certificate (${e && e.message ? e.message : e}): serving the preview over http.`
      );
    }
  }
  if (!server) server = http.createServer(handler);
  const host = options.host || "localhost";
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port === undefined ? 3000 : options.port, host, resolve);
  });
  const url = `${secure ? "https" : "http"}://${host}:${server.address().port}/`;
  return {
    url,
    port: server.address().port,
    secure,
    trustHint,
    close: () =>
      new Promise((resolve) => {
        if (server.closeAllConnections) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

module.exports = { startPreviewServer };
