import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Styles of the Import section (Fluent v9: styles split from state and render).
 *
 * @returns the class names
 * @example
 * const styles = useImportStyles();
 */
export const useImportStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  browse: { alignSelf: "flex-start" },
  file: {
    display: "none",
    paddingBlock: tokens.spacingVerticalXS,
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.2fr)",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
  },
  header: { overflowWrap: "anywhere" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  // Fluent's Table is fixed-layout at 100% width: in a narrow pane every cell would shrink to a
  // letter. Size columns to their content and let the wrapper scroll sideways instead.
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  cell: {
    whiteSpace: "nowrap",
    minWidth: "48px",
    maxWidth: "180px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  bad: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorPaletteRedForeground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});
