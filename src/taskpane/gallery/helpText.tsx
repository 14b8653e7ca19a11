/**
 * Function help as the gallery shows it: the Arabic descriptions quote formulas and English
 * names (`Stages[#All]`, `closedwon = Closed Won`), and inside right-to-left text their brackets
 * and spaces take the Arabic direction ("Stages[#All]" comes out as "[Stages[#All"). Each such
 * run is isolated left-to-right, so it reads as typed in either language.
 */
import * as React from "react";

/** One run of help text: prose, or a code-like run (Latin letters, digits, brackets, quotes). */
export interface HelpRun {
  readonly text: string;
  readonly code: boolean;
}

// A run starts and ends on a Latin letter, digit, bracket or quote and holds no Arabic letter;
// single characters (a lone "0") are left to the paragraph.
const CODE_RUN = /[A-Za-z0-9#[("'][\x20-\x7E]*[A-Za-z0-9\])"'%]/g;

/**
 * Splits help text into prose and code-like runs.
 *
 * @param text a description from the function metadata
 * @returns the runs, in order; joined they give `text`
 * @example
 * helpRuns("مثل Stages[#All] أو").map((r) => r.code); // [false, true, false]
 */
export function helpRuns(text: string): HelpRun[] {
  const runs: HelpRun[] = [];
  let last = 0;
  for (const m of text.matchAll(CODE_RUN)) {
    const at = m.index ?? 0;
    if (at > last) runs.push({ text: text.slice(last, at), code: false });
    runs.push({ text: m[0], code: true });
    last = at + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), code: false });
  return runs;
}

/**
 * Renders help text with every code-like run in a left-to-right `<bdi>`.
 *
 * @param props.text the description
 * @returns the nodes
 * @example
 * <Text size={200}><HelpText text={p.description} /></Text>
 */
export function HelpText({ text }: { readonly text: string }): React.ReactElement {
  return (
    <>
      {helpRuns(text).map((r, i) =>
        r.code ? (
          <bdi key={i} dir="ltr">
            {r.text}
          </bdi>
        ) : (
          <React.Fragment key={i}>{r.text}</React.Fragment>
        )
      )}
    </>
  );
}
