import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from "@fluentui/react-components";
import type { ImportReport } from "../../workbook/import";
import type { ImportState } from "./useImport";
import { Language, useLocale } from "../i18n";
import { fill, formatNumber } from "../i18n/format";
import { Fill, isolate } from "../i18n/bidi";
import { useSectionStyles } from "../shell/sectionStyles";
import { problemText } from "./text";

const LISTED_PROBLEMS = 8;
/** IDs named in a note before "…". */
const LISTED_IDS = 10;

const idList = (ids: readonly string[]): string =>
  ids.slice(0, LISTED_IDS).join(", ") + (ids.length > LISTED_IDS ? ", …" : "");

/** Props of the import summary. */
export interface SummaryProps {
  readonly report: ImportReport;
  readonly language: Language;
  /** Removes the rows an interrupted import added. */
  readonly onUndo: ImportState["undo"];
  /** Rows removed by undo, once done. */
  readonly undone: number | null;
  readonly busy: boolean;
}

/**
 * What an import did: counts, the table rows written, skipped rows with reasons, notes; after a
 * failed request, which rows were written and a button that removes the rows this import added.
 *
 * @param props the report and the undo action
 * @returns the summary
 * @example
 * <Summary report={report} language="en" onUndo={undo} undone={null} busy={false} />
 */
export function Summary({
  report,
  language,
  onUndo,
  undone,
  busy,
}: SummaryProps): React.ReactElement {
  const card = useSectionStyles();
  const s = useLocale().strings.import;
  const n = (v: number): string => formatNumber(language, v);
  const problems = report.skipped.flatMap((r) => r.problems);
  const written = report.written.reduce((sum, w) => sum + w.lines.length, 0);
  // Consecutive requests of the same kind (a new table's first row, then the rest) read as one range.
  const merged: { kind: string; from: number; to: number }[] = [];
  for (const w of report.written) {
    const last = merged[merged.length - 1];
    if (last && last.kind === w.kind && last.to + 1 === w.tableRows[0]) last.to = w.tableRows[1];
    else merged.push({ kind: w.kind, from: w.tableRows[0], to: w.tableRows[1] });
  }
  const ranges = merged
    .map((r) => (r.from === r.to ? n(r.from) : `${n(r.from)}–${n(r.to)}`))
    .join(", ");
  return (
    <div className={card.group} data-testid="import-summary">
      {report.failure ? (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.failureTitle}</MessageBarTitle>
            {fill(s.failureBody, {
              written: n(written),
              rest: n(report.failure.rowsNotWritten),
              message: report.failure.message,
            })}
          </MessageBarBody>
          {report.failure.undo && undone === null && (
            <MessageBarActions>
              <Button
                size="small"
                disabled={busy}
                onClick={() => report.failure?.undo && void onUndo(report.failure.undo)}
                data-testid="import-undo"
              >
                {fill(s.undoButton, { count: n(report.failure.undo.count) })}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : (
        <MessageBar intent={report.skipped.length > 0 ? "warning" : "success"}>
          <MessageBarBody>
            <MessageBarTitle>{s.summaryTitle}</MessageBarTitle>
            {[
              fill(s.summaryAdded, { count: n(report.added) }),
              fill(s.summaryUpdated, { count: n(report.updated) }),
              fill(s.summarySkipped, { count: n(report.skipped.length) }),
            ].join(" · ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {ranges !== "" && <Text size={200}>{fill(s.summaryWritten, { ranges })}</Text>}
      {(report.stagesAdded ?? []).length > 0 && (
        <Text size={200} data-testid="import-stages-added">
          <Fill
            template={s.summaryStagesAdded}
            values={{
              // Each stage isolated in its own <bdi> (as the stage-id list below): a CRM's stage
              // name, often English, must not reorder an Arabic sentence around it.
              stages: (report.stagesAdded ?? []).map((a, i) => (
                <React.Fragment key={a.name}>
                  {i > 0 && ", "}
                  {a.assumed ? (
                    <Fill
                      template={s.summaryStageAssumed}
                      values={{
                        stage: a.name,
                        probability: `${n(Math.round((a.probability ?? 0) * 100))}%`,
                      }}
                    />
                  ) : (
                    <bdi>{a.name}</bdi>
                  )}
                </React.Fragment>
              )),
            }}
          />
        </Text>
      )}
      {(report.stagesNamed ?? []).length > 0 && (
        <Text size={200} data-testid="import-stages-named">
          <Fill
            template={s.summaryStagesNamed}
            values={{
              count: n((report.stagesNamed ?? []).reduce((sum, r) => sum + r.deals, 0)),
              // Each id and name in its own <bdi> element (not FSI characters): the list then
              // takes its direction from the words between them, so in Arabic it reads right to left.
              list: (report.stagesNamed ?? []).map((r, i) => (
                <React.Fragment key={r.from}>
                  {i > 0 && ", "}
                  <Fill template={s.summaryStageNamedItem} values={{ id: r.from, name: r.to }} />
                </React.Fragment>
              )),
            }}
          />
        </Text>
      )}
      {(report.history?.unconverted ?? []).length > 0 && (
        <Text size={200} data-testid="import-no-rate">
          <Fill
            template={s.summaryNoRate}
            values={{
              list: (report.history?.unconverted ?? [])
                .map((u) => fill(s.summaryNoRateItem, { count: n(u.deals), code: isolate(u.code) }))
                .join(", "),
            }}
          />
        </Text>
      )}
      {problems.length > 0 && (
        <ul className={card.list} data-testid="import-skipped">
          {problems.slice(0, LISTED_PROBLEMS).map((p, i) => (
            <li key={i}>
              <Text size={200}>{problemText(s, p, report.target, language)}</Text>
            </li>
          ))}
          {problems.length > LISTED_PROBLEMS && (
            <li>
              <Text size={200}>
                {fill(s.problemsMore, { count: n(problems.length - LISTED_PROBLEMS) })}
              </Text>
            </li>
          )}
        </ul>
      )}
      {report.missingColumns.length > 0 && (
        <Text size={200}>
          {fill(s.summaryMissingColumns, { columns: report.missingColumns.join(", ") })}
        </Text>
      )}
      {undone !== null && (
        <Text size={200} role="status">
          {fill(s.undoDone, { count: n(undone) })}
        </Text>
      )}
      {report.currencyAssumed && (
        <Text size={200} data-testid="import-currency-assumed">
          <Fill
            template={s.currencyAssumed}
            values={{
              count: n(report.currencyAssumed.rows),
              symbol: report.currencyAssumed.symbol,
            }}
          />
        </Text>
      )}
      {report.truncated.length > 0 && (
        <Text size={200}>{fill(s.truncatedNote, { count: n(report.truncated.length) })}</Text>
      )}
      {report.target === "Deals" && report.notInFile && report.notInFile.length > 0 && (
        <Text size={200} data-testid="import-not-in-file">
          {fill(s.summaryNotInFile, {
            count: n(report.notInFile.length),
            ids: idList(report.notInFile),
          })}
        </Text>
      )}
      {report.tableDuplicateIds.length > 0 && (
        <Text size={200}>
          {fill(s.summaryTableDuplicates, { ids: report.tableDuplicateIds.join(", ") })}
        </Text>
      )}
    </div>
  );
}
