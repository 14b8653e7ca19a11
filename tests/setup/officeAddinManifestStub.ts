// office-addin-mock imports office-addin-manifest only for host detection; its dependencies are
// ESM-only and jest runs CommonJS, so tests get this small stand-in.
export const OfficeApp = {};
export const OfficeAddinManifest = { readManifestFile: async () => ({}) };
export default { OfficeApp, OfficeAddinManifest };
