import * as React from "react";
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import { ArrowImport20Regular } from "@fluentui/react-icons";
import type { ImportActions } from "../../workbook/import";
import type { StatusActions } from "../../workbook/status";
import { useLocale } from "../i18n";
import { fill, formatNumber } from "../i18n/format";
import { useSectionStyles } from "../shell/sectionStyles";
import { MappingStep } from "./MappingStep";
import { Preview } from "./Preview";
import { SourceStep } from "./SourceStep";
import { useImportStyles } from "./styles";
import { Summary } from "./Summary";
import { useImport } from "./useImport";
import type { ImportErrorView } from "./text";

/** Props of the Import section. */
export interface ImportSectionProps {
  /** The workbook actions (real Excel, the preview's stand-in, or test doubles). */
  readonly actions: ImportActions & Partial<Pick<StatusActions, "goTo">>;
}

function ErrorBar({
  error,
  title,
  testId,
  goTo,
  goToLabel = "",
}: {
  readonly error: ImportErrorView;
  readonly title: string;
  readonly testId: string;
  /** Selects the cells in the way (shown when the error names some). */
  readonly goTo?: StatusActions["goTo"];
  readonly goToLabel?: string;
}): React.ReactElement {
  const card = useSectionStyles();
  const at = error.at;
  return (
    <MessageBar intent="error" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
        {error.lines.length > 0 && (
          <ul className={card.list}>
            {error.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
        {at && goTo && (
          <div className={card.buttons}>
            <Link
              as="button"
              data-testid={`${testId}-goto`}
              onClick={() => void goTo(at).catch(() => null)}
            >
              {fill(goToLabel, { cell: at.address })}
            </Link>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The Import section: a CSV/XLSX file, pasted text or a sheet of this workbook; the mapping step
 * (detected source, encoding/separator/sheet, target table, column mapping, open questions); a
 * preview with problems marked; Import with progress; the summary (with undo after a failure).
 * State lives in useImport, styles in styles.ts (Fluent v9's split).
 *
 * @param props the workbook actions
 * @returns the section
 * @example
 * <ImportSection actions={actions} />
 */
export function ImportSection({ actions }: ImportSectionProps): React.ReactElement {
  const styles = useImportStyles();
  const card = useSectionStyles();
  const { language, strings } = useLocale();
  const s = strings.import;
  const state = useImport(actions, language, s);
  const headingId = "import-heading";
  const n = (v: number): string => formatNumber(language, v);
  const unreadable = state.source.unreadable;

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

      <SourceStep state={state} />
      {unreadable && (
        <ErrorBar
          error={{ message: unreadable === "xlsx" ? s.xlsxError : s.errorReadFile, lines: [] }}
          title={s.errorTitle}
          testId="import-file-error"
        />
      )}

      {state.source.source && (
        <>
          <MappingStep state={state} />
          {state.prepared && state.prepared.records.columns.length > 0 && (
            <Preview prepared={state.prepared} target={state.target} language={language} />
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
        <ErrorBar
          error={state.error}
          title={s.errorTitle}
          testId="import-error"
          goToLabel={s.goToCells}
          goTo={actions.goTo}
        />
      )}

      {state.report && (
        <Summary
          report={state.report}
          language={language}
          onUndo={state.undo}
          undone={state.undone}
          busy={state.busy}
        />
      )}
    </section>
  );
}
