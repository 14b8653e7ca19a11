import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
  mergeClasses,
} from "@fluentui/react-components";
import { useSectionStyles } from "../shell/sectionStyles";
import {
  ArrowImport20Regular,
  ClipboardPaste20Regular,
  DocumentArrowUp20Regular,
} from "@fluentui/react-icons";
import type { ImportActions } from "../../workbook/import";
import { targetSpec } from "../../engine/csv/mapping";
import type { RecordValue } from "../../engine/csv/records";
import type { ImportTarget, RowProblem } from "../../engine/csv/types";
import { Language, useLocale } from "../i18n";
import { fill, formatNumber } from "../i18n/format";
import { columnCaption, problemText, sourceName, useImport } from "../hooks/useImport";

const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 8;

const useStyles = makeStyles({
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

/** Props of the Import section. */
export interface ImportSectionProps {
  /** The workbook actions (real Excel, the preview's stand-in, or test doubles). */
  readonly actions: ImportActions;
}

/** How a converted value reads in the preview, in the pane language. */
function display(
  value: RecordValue,
  type: string,
  language: Language,
  yes: string,
  no: string
): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "string") return value;
  if (type === "date" || type === "datetime") {
    const date = new Date(Math.round((value - 25569) * 86400000));
    return new Intl.DateTimeFormat(language, {
      timeZone: "UTC",
      dateStyle: "medium",
      ...(type === "datetime" ? { timeStyle: "short" } : {}),
    }).format(date);
  }
  if (type === "percent") return formatNumber(language, value, { style: "percent" });
  return formatNumber(language, value, { maximumFractionDigits: 2 });
}

/**
 * The Import section: file or pasted text, target table, detected source, the column mapping as
 * dropdowns, a preview with problems marked, the day/month question when the file leaves it
 * open, Import with progress, and the summary.
 *
 * @example
 * <ImportSection actions={actions} />
 */
export function ImportSection({ actions }: ImportSectionProps): React.ReactElement {
  const styles = useStyles();
  const card = useSectionStyles();
  const { language, strings } = useLocale();
  const s = strings.import;
  const state = useImport(actions, language, s);
  const headingId = "import-heading";
  const fileId = "import-file";
  const fileInput = React.useRef<HTMLInputElement>(null);
  const n = (v: number): string => formatNumber(language, v);
  const prepared = state.prepared;
  const target = state.target;
  const spec = targetSpec(target);

  const problemsByRow = React.useMemo(() => {
    const map = new Map<number, RowProblem[]>();
    for (const p of prepared?.problems ?? []) map.set(p.row, [...(map.get(p.row) ?? []), p]);
    return map;
  }, [prepared]);

  const progressText = state.progress
    ? state.progress.phase === "reading"
      ? s.progressReading
      : state.progress.phase === "writing"
        ? fill(s.progressWriting, { done: n(state.progress.done), total: n(state.progress.total) })
        : s.progressDone
    : "";

  return (
    <section aria-labelledby={headingId} className={card.section} data-testid="import-section">
      <Text as="h2" id={headingId} size={400} weight="semibold" className={card.heading}>
        {s.title}
      </Text>
      <Text size={200}>{s.intro}</Text>

      <div className={card.group}>
        <Text weight="semibold" id={`${fileId}-label`}>
          {s.chooseFile}
        </Text>
        {/* The browser's own file input speaks the browser's language; a Fluent button with our
            label opens it instead, so the Arabic pane stays Arabic. */}
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className={styles.file}
          data-testid="import-file"
          tabIndex={-1}
          aria-hidden="true"
          disabled={state.busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void state.loadFile(file);
          }}
        />
        <Button
          className={styles.browse}
          icon={<DocumentArrowUp20Regular />}
          aria-labelledby={`${fileId}-label ${fileId}-button`}
          id={`${fileId}-button`}
          disabled={state.busy}
          onClick={() => fileInput.current?.click()}
        >
          {s.browseFile}
        </Button>
        <Text size={200} className={styles.muted}>
          {s.fileHint}
        </Text>
      </div>

      <Field label={s.pasteLabel} hint={s.pasteHint}>
        <Textarea
          value={state.pasted}
          onChange={(_, d) => state.setPasted(d.value)}
          resize="vertical"
          disabled={state.busy}
          data-testid="import-paste"
        />
      </Field>
      <div className={styles.row}>
        <Button
          icon={<ClipboardPaste20Regular />}
          onClick={state.usePasted}
          disabled={state.busy || state.pasted.trim() === ""}
        >
          {s.usePasted}
        </Button>
      </div>

      {state.hasText && (
        <>
          {state.fileName && <Text size={200}>{fill(s.fileChosen, { name: state.fileName })}</Text>}
          {state.detection && state.csv && (
            <div className={card.group} data-testid="import-detected">
              <Text>
                {fill(s.detected, {
                  source: sourceName(s, state.detection.preset?.id ?? null),
                })}
              </Text>
              <Text size={200} className={styles.muted}>
                {fill(s.fileStats, {
                  rows: n(state.csv.rows.length),
                  columns: n(state.csv.headers.length),
                })}
                {state.csv.footer.length > 0
                  ? ` ${fill(s.footerDropped, { count: n(state.csv.footer.length) })}`
                  : ""}
              </Text>
            </div>
          )}

          {state.csv && (
            <Field label={s.target}>
              <RadioGroup
                layout="horizontal"
                value={target}
                onChange={(_, d) => state.setTarget(d.value as ImportTarget)}
                disabled={state.busy}
              >
                <Radio value="Leads" label={s.targetLeads} />
                <Radio value="Deals" label={s.targetDeals} />
              </RadioGroup>
            </Field>
          )}

          {state.fileError && (
            <MessageBar intent="error" data-testid="import-file-error">
              <MessageBarBody>
                <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
                {state.fileError.message}
                {state.fileError.lines.length > 0 && (
                  <ul className={card.list}>
                    {state.fileError.lines.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                )}
              </MessageBarBody>
            </MessageBar>
          )}

          {state.csv && (
            <div className={card.group} role="group" aria-labelledby="import-mapping-title">
              <Text id="import-mapping-title" weight="semibold">
                {s.mappingTitle}
              </Text>
              <Text size={200} className={styles.muted}>
                {s.mappingHint}
              </Text>
              <div className={styles.mapping} data-testid="import-mapping">
                {state.csv.headers.map((header, i) => {
                  const id = `import-map-${i}`;
                  return (
                    <React.Fragment key={i}>
                      <label htmlFor={id} className={styles.header}>
                        <Text size={200}>{header}</Text>
                      </label>
                      <Select
                        id={id}
                        size="small"
                        value={state.mapping[i] ?? ""}
                        disabled={state.busy}
                        onChange={(_, d) => state.setColumn(i, d.value === "" ? null : d.value)}
                      >
                        <option value="">{s.notImported}</option>
                        {state.targets.map((column) => (
                          <option key={column} value={column}>
                            {columnCaption(s, target, column, language)}
                          </option>
                        ))}
                      </Select>
                    </React.Fragment>
                  );
                })}
              </div>
              {prepared && prepared.unmapped.length > 0 && (
                <Text size={200} data-testid="import-unmapped">
                  {fill(s.unmappedNote, {
                    headers: prepared.unmapped.map((u) => u.header).join(", "),
                  })}
                </Text>
              )}
              {prepared && !prepared.records.idMapped && (
                <MessageBar intent="warning">
                  <MessageBarBody>{s.noIdNote}</MessageBarBody>
                </MessageBar>
              )}
            </div>
          )}

          {state.numberQuestions.map((q) => (
            <Field
              key={q.column}
              label={fill(s.numberMarkTitle, {
                column: columnCaption(s, target, q.column, language),
              })}
              hint={fill(s.numberMarkHint, { example: q.example })}
              data-testid="import-number-mark"
            >
              <RadioGroup
                value={q.mark ?? ""}
                onChange={(_, d) => state.setNumberMark(q.column, d.value === "," ? "," : ".")}
                disabled={state.busy}
              >
                <Radio
                  value=","
                  label={fill(s.numberMarkComma, {
                    example: q.example,
                    value: q.comma === undefined ? "—" : formatNumber(language, q.comma),
                  })}
                />
                <Radio
                  value="."
                  label={fill(s.numberMarkDot, {
                    example: q.example,
                    value: q.dot === undefined ? "—" : formatNumber(language, q.dot),
                  })}
                />
              </RadioGroup>
            </Field>
          ))}

          {state.ambiguousExample && (
            <Field
              label={s.dateOrderTitle}
              hint={fill(s.dateOrderHint, { example: state.ambiguousExample })}
              data-testid="import-date-order"
            >
              <RadioGroup
                value={state.dateOrder ?? ""}
                onChange={(_, d) => state.setDateOrder(d.value === "dmy" ? "dmy" : "mdy")}
                disabled={state.busy}
              >
                <Radio value="dmy" label={s.dateOrderDmy} />
                <Radio value="mdy" label={s.dateOrderMdy} />
              </RadioGroup>
            </Field>
          )}

          {prepared && prepared.records.columns.length > 0 && (
            <div className={card.group}>
              <Text weight="semibold" id="import-preview-title">
                {s.previewTitle}
              </Text>
              <div className={styles.scroll}>
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
                            const text = p
                              ? (p.value ?? "")
                              : display(row[k], type, language, s.yes, s.no);
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
          )}

          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<ArrowImport20Regular />}
              onClick={() => void state.runImport()}
              disabled={!state.canImport}
              data-testid="import-run"
            >
              {state.busy ? s.importing : s.importButton}
            </Button>
          </div>
        </>
      )}

      {state.busy && state.progress && state.progress.total > 0 && (
        <ProgressBar
          value={state.progress.done}
          max={state.progress.total}
          aria-label={s.progressLabel}
        />
      )}
      {state.busy && state.progress && state.progress.total === 0 && (
        <ProgressBar aria-label={s.progressLabel} />
      )}
      <div aria-live="polite" role="status" className={card.status}>
        {state.busy ? <Text size={200}>{progressText}</Text> : null}
      </div>

      {state.error && (
        <MessageBar intent="error" data-testid="import-error">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {state.error.message}
            {state.error.lines.length > 0 && (
              <ul className={card.list}>
                {state.error.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.report && <Summary report={state.report} language={language} />}
    </section>
  );
}

function Summary({
  report,
  language,
}: {
  readonly report: NonNullable<ReturnType<typeof useImport>["report"]>;
  readonly language: Language;
}): React.ReactElement {
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
      {report.tableDuplicateIds.length > 0 && (
        <Text size={200}>
          {fill(s.summaryTableDuplicates, { ids: report.tableDuplicateIds.join(", ") })}
        </Text>
      )}
    </div>
  );
}
