import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import { useSectionStyles } from "../shell/sectionStyles";
import { TableSimple20Regular, Delete20Regular } from "@fluentui/react-icons";
import type { SetupActions } from "../../workbook/setup";
import type { StatusActions } from "../../workbook/status";
import { STAGE_PRESET_IDS, StagePresetId } from "../../model/stagePresets";
import { useLocale } from "../i18n";
import { SummaryLine, useSetup } from "./useSetup";
import { Fill } from "../i18n/bidi";
import { Details } from "../shell/Details";
import { useStatus } from "../home/useWorkbookStatus";
import { nextStep } from "../home/nextStep";
import { usePaneRequest } from "../shell/navigation";

/** Props of the Setup section. */
export interface SetupSectionProps {
  /** The workbook actions (real Excel, the preview's stand-in, or test doubles). */
  readonly actions: SetupActions & Partial<Pick<StatusActions, "goTo">>;
}

const PRESET_LABEL: Readonly<
  Record<StagePresetId, "presetSalesforce" | "presetHubspot" | "presetPipedrive">
> = {
  salesforce: "presetSalesforce",
  hubspot: "presetHubspot",
  pipedrive: "presetPipedrive",
};

/**
 * The Setup section: pipeline preset, workbook language and sample data, the Set up and Remove
 * sample data buttons, progress, and a summary of what was created, kept and left alone.
 *
 * @example
 * <SetupSection actions={actions} />
 */
export function SetupSection({ actions }: SetupSectionProps): React.ReactElement {
  const card = useSectionStyles();
  const { language: paneLanguage, strings } = useLocale();
  const s = strings.setup;
  const { status } = useStatus();
  const state = useSetup(actions, paneLanguage, s, status?.language ?? null);
  usePaneRequest("setup", state.setUp);
  // Before setup this is the next step, so its button is the view's primary one.
  const step = nextStep(status);
  const isNext = step === null || step === "setup";
  const noSample =
    status !== null && (status.deals?.sampleRows ?? 0) + (status.leads?.sampleRows ?? 0) === 0;
  const headingId = "setup-heading";
  const busy = state.busy !== null;
  const phaseText = state.progress
    ? {
        reading: s.progressReading,
        writing: s.progressWriting,
        done: s.progressDone,
      }[state.progress.phase]
    : "";
  const number = new Intl.NumberFormat(paneLanguage);

  return (
    <section aria-labelledby={headingId} className={card.section} data-testid="setup-section">
      <Text as="h2" id={headingId} size={400} weight="semibold" className={card.heading}>
        {s.title}
      </Text>
      <Text size={200}>{s.intro}</Text>

      <Field label={s.preset} hint={s.presetHint}>
        <RadioGroup
          value={state.preset}
          onChange={(_, d) => state.setPreset(d.value as StagePresetId)}
          disabled={busy}
        >
          {STAGE_PRESET_IDS.map((id) => (
            <Radio key={id} value={id} label={s[PRESET_LABEL[id]]} />
          ))}
        </RadioGroup>
      </Field>

      <Field label={s.workbookLanguage}>
        <RadioGroup
          layout="horizontal"
          value={state.language}
          onChange={(_, d) => state.setLanguage(d.value === "ar" ? "ar" : "en")}
          disabled={busy}
        >
          <Radio value="en" label={<span lang="en">{s.languageEnglish}</span>} />
          <Radio value="ar" label={<span lang="ar">{s.languageArabic}</span>} />
        </RadioGroup>
      </Field>

      <Field hint={s.sampleDataHint}>
        <Checkbox
          checked={state.sampleData}
          onChange={(_, d) => state.setSampleData(d.checked === true)}
          label={s.sampleData}
          disabled={busy}
        />
      </Field>

      <div className={card.buttons}>
        <Button
          appearance={isNext ? "primary" : "secondary"}
          icon={<TableSimple20Regular />}
          onClick={state.setUp}
          disabled={busy}
        >
          {state.busy === "setup" ? s.settingUp : s.setUp}
        </Button>
        <Button
          icon={<Delete20Regular />}
          onClick={state.removeSample}
          disabled={busy || noSample}
          aria-describedby={noSample ? "setup-no-sample" : undefined}
        >
          {state.busy === "remove" ? s.removingSample : s.removeSample}
        </Button>
      </div>
      {noSample && (
        <Text size={200} id="setup-no-sample" data-testid="setup-no-sample">
          {s.removeSampleNone}
        </Text>
      )}

      {busy && state.progress && (
        <ProgressBar value={state.progress.fraction} max={1} aria-label={s.progressLabel} />
      )}
      <div aria-live="polite" role="status" className={card.status}>
        {busy ? <Text size={200}>{phaseText}</Text> : null}
      </div>

      {state.error && (
        <MessageBar intent="error" data-testid="setup-error">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            <Fill template={s.errorBody} values={{ message: state.error }} />
          </MessageBarBody>
        </MessageBar>
      )}

      {state.summary && (
        <div data-testid="setup-summary" className={card.group}>
          <MessageBar intent={state.summary.skipped.length > 0 ? "warning" : "success"}>
            <MessageBarBody>
              <MessageBarTitle>{s.summaryTitle}</MessageBarTitle>
              {state.summary.created.length === 0 ? s.summaryNothing : null}
            </MessageBarBody>
          </MessageBar>
          <SummaryGroup title={s.created} lines={state.summary.created} className={card.list} />
          <SummaryGroup title={s.adopted} lines={state.summary.adopted} className={card.list} />
          {actions.goTo && state.summary.created.length + state.summary.adopted.length > 0 && (
            <div className={card.buttons}>
              <Link
                as="button"
                onClick={() => void actions.goTo?.({ table: "Deals" }).catch(() => null)}
              >
                {s.goToDeals}
              </Link>
            </div>
          )}
          {state.summary.details.length > 0 && (
            <Details label={s.details}>
              <SummaryGroup title="" lines={state.summary.details} className={card.list} />
            </Details>
          )}
          {state.summary.skipped.length > 0 && (
            <div className={card.group} data-testid="setup-skipped">
              <Text weight="semibold">{s.skipped}</Text>
              <ul className={card.list}>
                {state.summary.skipped.map((line, i) => (
                  <li key={i}>
                    <Text size={200}>{line.text}</Text>
                    {actions.goTo && line.at && (
                      <>
                        {" "}
                        <Link
                          as="button"
                          data-testid="setup-go-to-cells"
                          onClick={() => line.at && void actions.goTo?.(line.at).catch(() => null)}
                        >
                          {s.goToCells}
                        </Link>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {Object.keys(state.summary.suggestions).length > 0 && (
                <div className={card.buttons}>
                  <Button onClick={state.retryWithSuggestions} disabled={busy}>
                    {s.useSuggestedNames}
                  </Button>
                </div>
              )}
            </div>
          )}
        </div>
      )}

      {state.removed && state.removed.kept.length > 0 && (
        <MessageBar intent="warning" data-testid="setup-kept">
          <MessageBarBody>
            <MessageBarTitle>{s.keptTitle}</MessageBarTitle>
            {state.removed.kept.map((k) => (
              <Text as="p" block key={k.table}>
                <Fill
                  template={k.reason === "filtered" ? s.keptFiltered : s.keptNotRemoved}
                  values={{ count: number.format(k.rows), table: k.table }}
                />
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.removed && (state.removed.removed.length > 0 || state.removed.kept.length === 0) && (
        <MessageBar intent="success" data-testid="setup-removed">
          <MessageBarBody>
            <MessageBarTitle>{s.removedTitle}</MessageBarTitle>
            {state.removed.removed.length === 0
              ? s.removedNone
              : state.removed.removed.map((r, i) => (
                  <React.Fragment key={r.table}>
                    {i > 0 && " · "}
                    <Fill
                      template={s.removedRows}
                      values={{ count: number.format(r.rows), table: r.table }}
                    />
                  </React.Fragment>
                ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function SummaryGroup({
  title,
  lines,
  className,
}: {
  readonly title: string;
  readonly lines: readonly SummaryLine[];
  readonly className: string;
}): React.ReactElement | null {
  if (lines.length === 0) return null;
  return (
    <div>
      {title && <Text weight="semibold">{title}</Text>}
      <ul className={className}>
        {lines.map((l) => (
          <li key={l.label}>
            <Text size={200}>
              <Text size={200} weight="semibold">
                {l.label}:
              </Text>{" "}
              {l.text}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
