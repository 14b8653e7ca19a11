import * as React from "react";
import { Button, Link, Spinner, Text } from "@fluentui/react-components";
import {
  ArrowImport20Regular,
  ArrowSync20Regular,
  DataArea20Regular,
  Open20Regular,
} from "@fluentui/react-icons";
import type { StatusActions, TableStatus, WorkbookStatus } from "../../workbook/status";
import { TABLES } from "../../model/schema";
import type { PresetId } from "../../engine/csv/presets";
import { Language, Strings, useLocale } from "../i18n";
import { Fill } from "../i18n/bidi";
import { fill, formatNumber } from "../i18n/format";
import { sourceName } from "../import/text";
import { useSectionStyles } from "../shell/sectionStyles";
import { useNavigation } from "../shell/navigation";
import { useStatus } from "./useWorkbookStatus";
import { NextStep, StalePart, nextStep, staleParts } from "./nextStep";
import { useHomeStyles } from "./styles";

/** Props of the Home view's status card. */
export interface WorkbookCardProps {
  /** "Go to" selects a table or the dashboard sheet. */
  readonly actions: Pick<StatusActions, "goTo">;
}

/**
 * When something happened, in the pane's language ("4 Dec 2026, 14:02").
 *
 * @param language the pane language
 * @param iso an ISO 8601 time
 * @returns the formatted date and time
 * @example
 * formatWhen("en", "2026-12-04T14:02:00Z");
 */
export function formatWhen(language: Language, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

function TableFacts({
  table,
  strings,
  language,
  onGoTo,
  name,
}: {
  readonly table: TableStatus | null;
  readonly strings: Strings;
  readonly language: Language;
  readonly onGoTo: () => void;
  readonly name: string;
}): React.ReactElement {
  const h = strings.home;
  const n = (x: number) => formatNumber(language, x);
  if (!table) return <Text size={200}>{h.setupNone}</Text>;
  const last = table.lastImport;
  return (
    <>
      <Text size={200}>
        {table.rows === 0 ? (
          h.rowsNone
        ) : (
          <Fill template={h.rows} values={{ count: n(table.rows) }} />
        )}{" "}
        {table.sampleRows > 0 && (
          <Fill template={h.sampleRows} values={{ count: n(table.sampleRows) }} />
        )}
      </Text>
      <Text size={200}>
        {last ? (
          <>
            <Fill
              template={h.lastImport}
              values={{
                source: sourceName(strings.import, last.source as PresetId | null),
                when: formatWhen(language, last.at),
              }}
            />{" "}
            <Fill
              template={h.importCounts}
              values={{ added: n(last.added), updated: n(last.updated) }}
            />
          </>
        ) : (
          h.noImport
        )}
      </Text>
      {table.rows > 0 && (
        <Link as="button" onClick={onGoTo} aria-label={fill(h.goToLabel, { name })}>
          {h.goTo}
        </Link>
      )}
    </>
  );
}

/**
 * Under Deals: the currencies whose deals have no exchange rate (the dashboard leaves their
 * amounts out), each with its deal count, and a way to the Rates table.
 */
function MissingRates({
  status,
  strings,
  language,
  onGoTo,
}: {
  readonly status: WorkbookStatus;
  readonly strings: Strings;
  readonly language: Language;
  readonly onGoTo: () => void;
}): React.ReactElement | null {
  const styles = useHomeStyles();
  const h = strings.home;
  if (status.missingRates.length === 0) return null;
  return (
    <>
      {status.missingRates.map((w) => (
        <Text
          key={String(w.params.currency)}
          size={200}
          className={styles.warning}
          data-testid="home-missing-rate"
        >
          <Fill
            template={h.noExchangeRate}
            values={{
              count: formatNumber(language, Number(w.params.count)),
              currency: String(w.params.currency),
            }}
          />
        </Text>
      ))}
      <Link as="button" onClick={onGoTo}>
        {h.goToRates}
      </Link>
    </>
  );
}

function setupText(status: WorkbookStatus, strings: Strings): React.ReactNode {
  const h = strings.home;
  if (!status.setUp) return h.setupNone;
  if (status.missingTables.length > 0) {
    return (
      <Fill
        template={h.setupPartial}
        values={{ tables: status.missingTables.join(strings.shell.listSeparator) }}
      />
    );
  }
  if (!status.language) return h.setupDoneUnknownLanguage;
  const language =
    status.language === "ar" ? strings.setup.languageArabic : strings.setup.languageEnglish;
  return <Fill template={h.setupDone} values={{ language }} />;
}

/**
 * The Home view's card: where the workbook stands (set up? how many deals and leads, imported
 * from which CRM and when? dashboard built?) and the one next step as the primary button. Before
 * setup the next step is the Setup card below it, whose Set up button is then the primary one.
 *
 * @example
 * <WorkbookCard actions={actions} />
 */
export function WorkbookCard({ actions }: WorkbookCardProps): React.ReactElement {
  const card = useSectionStyles();
  const styles = useHomeStyles();
  const { language, strings } = useLocale();
  const h = strings.home;
  const { status, loading, refresh } = useStatus();
  const nav = useNavigation();
  const step = nextStep(status);
  const goTo = (target: Parameters<StatusActions["goTo"]>[0]) =>
    void actions.goTo(target).catch(() => refresh());

  return (
    <section
      aria-labelledby="home-heading"
      aria-busy={loading}
      className={card.section}
      data-testid="home-status"
      data-loading={loading ? "true" : "false"}
    >
      <Text as="h2" id="home-heading" size={400} weight="semibold" className={card.heading}>
        {h.title}
      </Text>
      {status === null ? (
        loading ? (
          <Spinner size="tiny" label={h.loading} />
        ) : (
          <div className={card.buttons}>
            <Text size={200}>{h.unknown}</Text>
            <Button size="small" onClick={refresh}>
              {h.readAgain}
            </Button>
          </div>
        )
      ) : (
        <dl className={styles.facts}>
          <dt className={styles.term}>{h.setupLabel}</dt>
          <dd className={styles.detail} data-testid="home-setup">
            <Text size={200}>{setupText(status, strings)}</Text>
          </dd>
          <dt className={styles.term}>{h.dealsLabel}</dt>
          <dd className={styles.detail} data-testid="home-deals">
            <TableFacts
              table={status.deals}
              strings={strings}
              language={language}
              name={h.dealsLabel}
              onGoTo={() => goTo({ table: "Deals" })}
            />
            <MissingRates
              status={status}
              strings={strings}
              language={language}
              onGoTo={() => goTo({ table: TABLES.rates })}
            />
          </dd>
          <dt className={styles.term}>{h.leadsLabel}</dt>
          <dd className={styles.detail} data-testid="home-leads">
            <TableFacts
              table={status.leads}
              strings={strings}
              language={language}
              name={h.leadsLabel}
              onGoTo={() => goTo({ table: "Leads" })}
            />
          </dd>
          <dt className={styles.term}>{h.dashboardLabel}</dt>
          <dd className={styles.detail} data-testid="home-dashboard">
            <Text size={200}>
              {status.dashboard ? (
                <Fill
                  template={h.dashboardBuilt}
                  values={{
                    when: status.dashboard.builtAt
                      ? formatWhen(language, status.dashboard.builtAt)
                      : "",
                  }}
                />
              ) : (
                h.dashboardNone
              )}
            </Text>
          </dd>
        </dl>
      )}
      {step && (
        <div className={styles.next} data-testid="next-step" data-step={step}>
          <Text weight="semibold">{h.nextTitle}</Text>
          <NextStepBody
            step={step}
            strings={strings}
            language={language}
            stale={staleParts(status)}
            onImport={() => nav.go("import")}
            onBuild={() => nav.go("dashboard", "build")}
            onOpen={() => status?.dashboard && goTo({ sheet: status.dashboard.sheet })}
          />
        </div>
      )}
    </section>
  );
}

/**
 * "The dashboard is out of date: new owners (2), the Stages table changed." Each count is
 * isolated for bidi; the parts are joined with the language's list comma.
 */
function StaleLine({
  parts,
  strings,
  language,
  id,
}: {
  readonly parts: readonly StalePart[];
  readonly strings: Strings;
  readonly language: Language;
  readonly id: string;
}): React.ReactElement {
  const styles = useHomeStyles();
  const h = strings.home;
  const changes = parts.map((p, i) => (
    <React.Fragment key={p.key}>
      {i > 0 && strings.shell.listSeparator}
      {p.count === undefined ? (
        h[p.key]
      ) : (
        <Fill template={h[p.key]} values={{ count: formatNumber(language, p.count) }} />
      )}
    </React.Fragment>
  ));
  return (
    <Text size={200} id={id} className={styles.warning} data-testid="home-stale">
      <Fill template={h.nextRebuild} values={{ changes: <>{changes}</> }} />
    </Text>
  );
}

function NextStepBody({
  step,
  strings,
  language,
  stale,
  onImport,
  onBuild,
  onOpen,
}: {
  readonly step: NextStep;
  readonly strings: Strings;
  readonly language: Language;
  readonly stale: readonly StalePart[];
  readonly onImport: () => void;
  readonly onBuild: () => void;
  readonly onOpen: () => void;
}): React.ReactElement {
  const card = useSectionStyles();
  const h = strings.home;
  switch (step) {
    case "setup":
      return <Text size={200}>{h.nextSetup}</Text>;
    case "import":
      return (
        <>
          <Text size={200}>{h.nextImport}</Text>
          <div className={card.buttons}>
            <Button appearance="primary" icon={<ArrowImport20Regular />} onClick={onImport}>
              {h.nextImportButton}
            </Button>
          </div>
        </>
      );
    case "build":
      return (
        <>
          <Text size={200}>{h.nextBuild}</Text>
          <div className={card.buttons}>
            <Button appearance="primary" icon={<DataArea20Regular />} onClick={onBuild}>
              {h.nextBuildButton}
            </Button>
          </div>
        </>
      );
    case "rebuild":
      return (
        <>
          <StaleLine parts={stale} strings={strings} language={language} id="home-stale-line" />
          <div className={card.buttons}>
            <Button
              appearance="primary"
              icon={<ArrowSync20Regular />}
              onClick={onBuild}
              aria-describedby="home-stale-line"
              data-testid="home-rebuild"
            >
              {h.nextRebuildButton}
            </Button>
            <Button icon={<Open20Regular />} onClick={onOpen}>
              {h.nextReviewButton}
            </Button>
          </div>
        </>
      );
    case "review":
      return (
        <>
          <Text size={200}>{h.nextReview}</Text>
          <div className={card.buttons}>
            <Button appearance="primary" icon={<Open20Regular />} onClick={onOpen}>
              {h.nextReviewButton}
            </Button>
            <Button icon={<ArrowImport20Regular />} onClick={onImport}>
              {h.importNewer}
            </Button>
          </div>
        </>
      );
  }
}
