/**
 * Requirement-set checks for the workbook actions: the one place that asks the host which
 * ExcelApi version it supports (setup, sample removal and the dashboard all branch on it).
 */

/**
 * Whether the host supports an ExcelApi requirement set; false where the host cannot say
 * (outside Office, office.js may leave `Office.context.requirements` unset), so callers fall
 * back to what the manifest's minimum guarantees.
 *
 * @param version e.g. "1.9"
 * @returns true when supported
 * @example
 * supportsExcelApi("1.9"); // true on Microsoft 365
 */
export function supportsExcelApi(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}
