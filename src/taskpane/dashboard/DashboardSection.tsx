import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  MessageBarActions,
  ProgressBar,
  Select,
  Text,
} from "@fluentui/react-components";
import { useDashboardStyles } from "./styles";
import { useSectionStyles } from "../shell/sectionStyles";
import { DataArea20Regular, Share20Regular, Filter20Regular } from "@fluentui/react-icons";
import type { DashboardActions } from "../../workbook/dashboard";
import type { StatusActions } from "../../workbook/status";
import { Fill, isolate } from "../i18n/bidi";
import { useStatus } from "../home/useWorkbookStatus";
import { SetupFirst } from "../setup/SetupFirst";
import { useNavigation, usePaneRequest } from "../shell/navigation";
import { PeriodChoice } from "../../engine/dashboard/periodWindows";
import { useLocale } from "../i18n";
import { fill } from "../i18n/format";
import { isoOfSerial, useDashboard } from "./useDashboard";

/** Props of the Dashboard section. */
export interface DashboardSectionProps {
  /** The workbook actions (real Excel, the preview's stand-in, or test doubles). */
  readonly actions: DashboardActions & Partial<Pick<StatusActions, "goTo">>;
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
  const { status } = useStatus();
  const nav = useNavigation();
  const state = useDashboard(actions, language, s, status?.language ?? null);
  usePaneRequest("build", state.build);
  const notSetUp = status !== null && !status.setUp;
  const goTo = (target: Parameters<StatusActions["goTo"]>[0]) =>
    void actions.goTo?.(target).catch(() => null);
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
          disabled={busy || notSetUp}
          aria-describedby={notSetUp ? "dashboard-needs-setup" : undefined}
        >
          {state.busy === "build" ? s.building : state.built ? s.rebuild : s.build}
        </Button>
        <Button
          icon={<Share20Regular />}
          onClick={state.share}
          disabled={busy || !state.built}
          aria-describedby="dashboard-share-hint"
        >
          {state.busy === "share" ? s.sharing : s.share}
        </Button>
      </div>
      <SetupFirst id="dashboard-needs-setup" message={s.needsSetup} />
      <Text size={200} id="dashboard-share-hint">
        {state.built ? s.shareHint : s.shareNeedsBuild}
      </Text>

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
              {state.periods.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
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
        <MessageBar intent="error" layout="multiline" data-testid="dashboard-error">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {state.errors.length === 1 ? (
              <Fill template={state.errors[0].template} values={state.errors[0].values} />
            ) : (
              <ul className={card.list}>
                {state.errors.map((e, i) => (
                  <li key={i}>
                    <Fill template={e.template} values={e.values} />
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          {state.fixes.length > 0 && (
            <MessageBarActions>
              {state.fixes.map((f) =>
                f.kind === "setup" ? (
                  <Button key={f.kind} size="small" onClick={() => nav.go("home", "setup")}>
                    {s.fixSetup}
                  </Button>
                ) : f.kind === "build" ? (
                  <Button key={f.kind} size="small" onClick={state.build}>
                    {s.build}
                  </Button>
                ) : (
                  <Button
                    key={f.kind}
                    size="small"
                    onClick={() => goTo({ sheet: f.sheet, address: f.address })}
                  >
                    {f.address ? s.goToCells : fill(s.goToSheet, { sheet: isolate(f.sheet) })}
                  </Button>
                )
              )}
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {state.report && !busy && (
        <MessageBar
          layout="multiline"
          intent={state.warnings.length ? "warning" : "success"}
          data-testid="dashboard-report"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {state.report.rebuilt ? s.rebuiltTitle : s.builtTitle}
            </MessageBarTitle>
            <Fill
              template={s.builtBody}
              values={{
                sheet: state.report.sheetName,
                tiles: number.format(state.report.tiles),
                tables: number.format(state.report.tables),
                charts: number.format(state.report.charts.length),
              }}
            />{" "}
            <Fill
              template={s.chartsLine}
              values={{
                list: state.report.charts.map((c, i) => (
                  <React.Fragment key={c.name}>
                    {i > 0 && (language === "ar" ? "، " : ", ")}
                    <bdi>{c.title}</bdi>
                  </React.Fragment>
                )),
              }}
            />
            {state.warnings.length > 0 && (
              <ul className={card.list}>
                {state.warnings.map((w, i) => (
                  <li key={i} data-testid="dashboard-warning">
                    <Fill template={w.template} values={w.values} />
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          {actions.goTo && (
            <MessageBarActions>
              <Button size="small" onClick={() => goTo({ sheet: state.report?.sheetName ?? "" })}>
                {fill(s.goToSheet, { sheet: isolate(state.report.sheetName) })}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {state.shared && !busy && (
        <MessageBar intent="success" layout="multiline" data-testid="dashboard-shared">
          <MessageBarBody>
            <MessageBarTitle>{s.sharedTitle}</MessageBarTitle>
            <Fill
              template={s.sharedBody}
              values={{ sheet: state.shared.sheetName, asOf: state.shared.asOf }}
            />
          </MessageBarBody>
          {actions.goTo && (
            <MessageBarActions>
              <Button size="small" onClick={() => goTo({ sheet: state.shared?.sheetName ?? "" })}>
                {fill(s.goToSheet, { sheet: isolate(state.shared.sheetName) })}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </section>
  );
}
