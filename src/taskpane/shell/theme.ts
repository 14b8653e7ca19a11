import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/**
 * Picks the Fluent theme matching Office's theme: dark when Office's body background is dark.
 *
 * @param bodyBackgroundColor Office.context.officeTheme.bodyBackgroundColor ("#RRGGBB"), if any
 * @returns webDarkTheme or webLightTheme
 * @example
 * themeFor("#262626"); // webDarkTheme
 */
export function themeFor(bodyBackgroundColor: string | undefined | null): Theme {
  const m = /^#?([0-9a-f]{6})$/i.exec(bodyBackgroundColor ?? "");
  if (!m) return webLightTheme;
  const n = parseInt(m[1], 16);
  const luminance = (0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return luminance < 0.5 ? webDarkTheme : webLightTheme;
}
