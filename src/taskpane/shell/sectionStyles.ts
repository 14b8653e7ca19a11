import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The look every task pane section shares: a card with a heading, button rows and a status
 * line. Sections add their own styles beside these.
 *
 * @returns class names: section, heading, buttons, group, list, status
 * @example
 * const card = useSectionStyles();
 * <section className={card.section}>…</section>
 */
export const useSectionStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
  },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  status: { minHeight: tokens.lineHeightBase300 },
});
