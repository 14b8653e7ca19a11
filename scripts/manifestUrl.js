/**
 * The manifest's URLs for a hosted release: every https://localhost:3000 address of
 * manifest.xml becomes the address where dist/ is hosted (ADDIN_PUBLIC_URL).
 */
const DEV_URL = "https://localhost:3000/";

/**
 * Points a manifest at the public host.
 *
 * @param {string} manifest manifest.xml's text (dev URLs)
 * @param {string} publicUrl the https address of dist/, with a trailing slash
 * @returns {string} the manifest with every dev URL (and the bare dev origin) replaced
 * @example
 * rewriteManifest(xml, "https://addins.contoso.com/sales-kpis/");
 */
function rewriteManifest(manifest, publicUrl) {
  return manifest
    .replace(new RegExp(DEV_URL, "g"), publicUrl)
    .replace(new RegExp(DEV_URL.slice(0, -1), "g"), new URL(publicUrl).origin);
}

module.exports = { DEV_URL, rewriteManifest };
