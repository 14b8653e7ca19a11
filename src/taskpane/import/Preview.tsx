import * as React from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import { targetSpec } from "../../engine/csv/mapping";
import type { Prepared } from "../../engine/csv/prepare";
import type { ImportTarget, RowProblem } from "../../engine/csv/types";
import { Language, useLocale } from "../i18n";
import { fill, formatNumber } from "../i18n/format";
import { useSectionStyles } from "../shell/sectionStyles";
import { useImportStyles } from "./styles";
import { columnCaption, display, problemText } from "./text";

const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 8;

/** Props of the preview. */
export interface PreviewProps {
  readonly prepared: Prepared;
  readonly target: ImportTarget;
  readonly language: Language;
}

/**
 * The first rows as they will be written (typed, in the pane language), problem cells marked,
 * the ready count and the list of problems with line numbers.
 *
 * @param props the prepared import
 * @returns the preview
 * @example
 * <Preview prepared={prepared} target="Deals" language="en" />
 */
export function Preview({ prepared, target, language }: PreviewProps): React.ReactElement {
  const styles = useImportStyles();
  const card = useSectionStyles();
  const s = useLocale().strings.import;
  const n = (v: number): string => formatNumber(language, v);
  const spec = targetSpec(target);
  const problemsByRow = React.useMemo(() => {
    const map = new Map<number, RowProblem[]>();
    for (const p of prepared.problems) map.set(p.row, [...(map.get(p.row) ?? []), p]);
    return map;
  }, [prepared]);
  return (
    <div className={card.group}>
      <Text weight="semibold" id="import-preview-title">
        {s.previewTitle}
      </Text>
      {/* Focusable so keyboard users can scroll a preview wider than the pane (axe: scrollable-region-focusable). */}
      <div
        className={styles.scroll}
        tabIndex={0}
        role="region"
        aria-labelledby="import-preview-title"
      >
        <Table
          size="extra-small"
          className={styles.table}
          aria-labelledby="import-preview-title"
          aria-describedby="import-preview-caption"
          data-testid="import-preview"
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.cell}>{s.previewLine}</TableHeaderCell>
              {prepared.records.columns.map((c) => (
                <TableHeaderCell key={c} className={styles.cell}>
                  {columnCaption(s, target, c, language)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {prepared.records.values.slice(0, PREVIEW_ROWS).map((row, r) => {
              const problems = problemsByRow.get(r) ?? [];
              return (
                <TableRow key={r}>
                  <TableCell className={styles.cell}>
                    {formatNumber(language, prepared.csv.lines[r], { useGrouping: false })}
                  </TableCell>
                  {prepared.records.columns.map((c, k) => {
                    const p = problems.find((x) => x.column === c);
                    const type = spec.columns.find((x) => x.name === c)?.type ?? "text";
                    const text = p ? (p.value ?? "") : display(row[k], type, language, s.yes, s.no);
                    return (
                      <TableCell
                        key={c}
                        className={mergeClasses(styles.cell, p && styles.bad)}
                        data-problem={p ? p.code : undefined}
                        title={p ? problemText(s, p, target, language) : text}
                      >
                        {text}
                      </TableCell>
                    );
                  })}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Text id="import-preview-caption" size={200} className={styles.muted}>
        {s.previewCaption}
      </Text>
      <Text size={200} data-testid="import-ready">
        {fill(s.readyCount, {
          ready: n(prepared.ready),
          rows: n(prepared.csv.rows.length),
        })}
      </Text>
      {prepared.problems.length > 0 && (
        <div className={card.group} data-testid="import-problems">
          <Text weight="semibold">{s.problemsTitle}</Text>
          <ul className={card.list}>
            {prepared.problems.slice(0, LISTED_PROBLEMS).map((p, i) => (
              <li key={i}>
                <Text size={200}>{problemText(s, p, target, language)}</Text>
              </li>
            ))}
          </ul>
          {prepared.problems.length > LISTED_PROBLEMS && (
            <Text size={200}>
              {fill(s.problemsMore, {
                count: n(prepared.problems.length - LISTED_PROBLEMS),
              })}
            </Text>
          )}
        </div>
      )}
    </div>
  );
}
