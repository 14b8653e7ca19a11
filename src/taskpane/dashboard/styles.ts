import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * Styles of the Dashboard tab: the filter fieldset and its rows (Fluent v9 styles split from render).
 *
 * @returns the class names
 * @example
 * const styles = useDashboardStyles();
 */
export const useDashboardStyles = makeStyles({
  filters: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: "120px" },
});
