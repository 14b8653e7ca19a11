import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Styles of the function gallery: entries, parameters, formula box (Fluent v9 styles split from render).
 *
 * @returns the class names
 * @example
 * const styles = useGalleryStyles();
 */
export const useGalleryStyles = makeStyles({
  flat: { margin: 0 },
  count: { color: tokens.colorNeutralForeground2 },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px" },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground2, textAlign: "start" },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlockEnd: tokens.spacingVerticalM,
  },
  params: {
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  param: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  paramHead: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
  paramName: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  formula: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    textAlign: "left",
  },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  ltr: { unicodeBidi: "isolate" },
});
