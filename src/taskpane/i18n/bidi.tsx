/**
 * Bidirectional text done right: every value put into a sentence (a sheet name, a count, a CRM
 * name) is isolated so it cannot reorder the words around it. In Arabic, "13" after an English
 * sheet name otherwise comes out as "13 :Dashboard".
 */
import * as React from "react";

/**
 * Wraps a value in Unicode first-strong isolates (FSI … PDI), for text that cannot hold markup
 * (aria-label, title, a <select> option).
 *
 * @param value the interpolated value
 * @returns the isolated text
 * @example
 * fill(s.insertLabel, { name: isolate("SALES.WIN_RATE") });
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}

/**
 * Fills a catalogue template's `{name}` placeholders with React nodes, each value inside a
 * `<bdi>` (direction from its own first strong character).
 *
 * @param template e.g. "On the sheet “{sheet}”: {tiles} KPI tiles"
 * @param values the placeholder values: text, numbers already formatted, or elements (links)
 * @returns nodes to render; unknown placeholders stay visible
 * @example
 * <Text>{fillNodes(s.builtBody, { sheet: "Dashboard", tiles: "8" })}</Text>
 */
export function fillNodes(
  template: string,
  values: Readonly<Record<string, React.ReactNode>>
): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(template)) !== null) {
    if (m.index > last) out.push(template.slice(last, m.index));
    const key = m[1];
    if (Object.prototype.hasOwnProperty.call(values, key)) {
      out.push(
        <bdi key={`${key}-${m.index}`} data-value={key}>
          {values[key]}
        </bdi>
      );
    } else {
      out.push(m[0]);
    }
    last = re.lastIndex;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/** Props of {@link Fill}. */
export interface FillProps {
  readonly template: string;
  readonly values: Readonly<Record<string, React.ReactNode>>;
}

/**
 * A catalogue sentence with its values isolated (see {@link fillNodes}).
 *
 * @example
 * <Fill template={s.removedRows} values={{ count: "40", table: "Deals" }} />
 */
export function Fill({ template, values }: FillProps): React.ReactElement {
  return <>{fillNodes(template, values)}</>;
}
