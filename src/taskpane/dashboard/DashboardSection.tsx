import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
} from "@fluentui/react-components";
import { useDashboardStyles } from "./styles";
import { useSectionStyles } from "../shell/sectionStyles";
import { DataArea20Regular, Share20Regular, Filter20Regular } from "@fluentui/react-icons";
import type { DashboardActions } from "../../workbook/dashboard";
import { PeriodChoice } from "../../engine/dashboard/periods";
import { useLocale } from "../i18n";
import { fill } from "../i18n/format";
import { PERIODS, PERIOD_KEYS, isoOfSerial, useDashboard } from "./useDashboard";

/** Props of the Dashboard section. */
export interface DashboardSectionProps {
  /** The workbook actions (real Excel, the preview's stand-in, or test doubles). */
  readonly actions: DashboardActions;
}

/**
 * The Dashboard section: build / rebuild, share a values-only copy, the filter choices written
 * into the sheet's filter cells, progress, what was built, and errors that say what to do.
 *
 * @example
 * <DashboardSection actions={actions} />
 */
export function DashboardSection({ actions }: DashboardSectionProps): React.ReactElement {
  const styles = useDashboardStyles();
  const card = useSectionStyles();
  const { language, strings } = useLocale();
  const s = strings.dashboard;
  const state = useDashboard(actions, language, s);
  const headingId = "dashboard-heading";
  const busy = state.busy !== null;
  const number = new Intl.NumberFormat(language);
  const phaseText = state.progress
    ? {
        reading: s.progressReading,
        checking: s.progressChecking,
        writing: s.progressWriting,
        done: s.progressDone,
      }[state.progress.phase]
    : "";
  const f = state.filters;
  const filtersDisabled = busy || !state.built;

  return (
    <section aria-labelledby={headingId} className={card.section} data-testid="dashboard-section">
      <Text as="h2" id={headingId} size={400} weight="semibold" className={card.heading}>
        {s.title}
      </Text>
      <Text size={200}>{s.intro}</Text>

      <div className={card.buttons}>
        <Button
          appearance="primary"
          icon={<DataArea20Regular />}
          onClick={state.build}
          disabled={busy}
        >
          {state.busy === "build" ? s.building : state.built ? s.rebuild : s.build}
        </Button>
        <Button icon={<Share20Regular />} onClick={state.share} disabled={busy || !state.built}>
          {state.busy === "share" ? s.sharing : s.share}
        </Button>
      </div>
      <Text size={200}>{s.shareHint}</Text>

      <fieldset className={styles.filters} disabled={filtersDisabled}>
        <legend className={styles.legend}>{s.filtersTitle}</legend>
        <Text size={200}>{state.built ? s.filtersHint : s.filtersNeedBuild}</Text>
        <div className={styles.row}>
          <Field label={s.owner} className={styles.grow}>
            <Select
              value={f.owner ?? ""}
              onChange={(_, d) => state.setOwner(d.value === "" ? null : d.value)}
              disabled={filtersDisabled}
            >
              <option value="">{s.allOwners}</option>
              {state.owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.period} className={styles.grow}>
            <Select
              value={f.period}
              onChange={(_, d) => state.setPeriod(d.value as PeriodChoice)}
              disabled={filtersDisabled}
            >
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  {s[PERIOD_KEYS[p]]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {f.period === "custom" && (
          <div className={styles.row}>
            <Field label={s.customFrom} className={styles.grow}>
              <Input
                type="date"
                value={isoOfSerial(f.customFrom)}
                onChange={(_, d) => state.setCustomFrom(d.value)}
                disabled={filtersDisabled}
              />
            </Field>
            <Field label={s.customTo} className={styles.grow}>
              <Input
                type="date"
                value={isoOfSerial(f.customTo)}
                onChange={(_, d) => state.setCustomTo(d.value)}
                disabled={filtersDisabled}
              />
            </Field>
          </div>
        )}
        <Field label={s.staleDays}>
          <Input
            type="number"
            min={0}
            value={String(f.staleDays)}
            onChange={(_, d) => state.setStaleDays(Number(d.value))}
            disabled={filtersDisabled}
          />
        </Field>
        <div className={card.buttons}>
          <Button
            icon={<Filter20Regular />}
            onClick={state.applyFilters}
            disabled={filtersDisabled}
          >
            {state.busy === "filters" ? s.applying : s.applyFilters}
          </Button>
        </div>
      </fieldset>

      {busy && state.progress && state.busy === "build" && (
        <ProgressBar value={state.progress.fraction} max={1} aria-label={s.progressLabel} />
      )}
      <div aria-live="polite" role="status" className={card.status}>
        {state.busy === "build" ? <Text size={200}>{phaseText}</Text> : null}
        {state.filtersApplied ? <Text size={200}>{s.filtersApplied}</Text> : null}
      </div>

      {state.errors.length > 0 && (
        <MessageBar intent="error" data-testid="dashboard-error">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {state.errors.length === 1 ? (
              state.errors[0]
            ) : (
              <ul className={card.list}>
                {state.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.report && !busy && (
        <MessageBar
          intent={state.report.warnings.length ? "warning" : "success"}
          data-testid="dashboard-report"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {state.report.rebuilt ? s.rebuiltTitle : s.builtTitle}
            </MessageBarTitle>
            {fill(s.builtBody, {
              sheet: state.report.sheetName,
              tiles: number.format(state.report.tiles),
              tables: number.format(state.report.tables),
              charts: number.format(state.report.charts.length),
            })}{" "}
            {fill(s.chartsLine, {
              list: state.report.charts.map((c) => c.title).join(language === "ar" ? "، " : ", "),
            })}
            {state.report.warnings.length > 0 && (
              <ul className={card.list}>
                {state.report.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.shared && !busy && (
        <MessageBar intent="success" data-testid="dashboard-shared">
          <MessageBarBody>
            <MessageBarTitle>{s.sharedTitle}</MessageBarTitle>
            {fill(s.sharedBody, { sheet: state.shared.sheetName, asOf: state.shared.asOf })}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
