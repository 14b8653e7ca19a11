import * as React from "react";
import {
  FluentProvider,
  Theme,
  makeStyles,
  tokens,
  Text,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ToggleButton,
  Tab,
  TabList,
} from "@fluentui/react-components";
import { LocaleContext, useLocale } from "../i18n";
import { useLanguage } from "./useLanguage";
import { ErrorBoundary } from "./ErrorBoundary";
import { WorkbookActions } from "../actions";
import { FunctionsSection } from "../gallery/FunctionsSection";
import { SetupSection } from "../setup/SetupSection";
import { DashboardSection } from "../dashboard/DashboardSection";
import { ImportSection } from "../import/ImportSection";
import { WorkbookCard } from "../home/HomeView";
import { SetupFirst } from "../setup/SetupFirst";
import { StatusContext, useWorkbookStatus, watchActions } from "../home/useWorkbookStatus";
import { Navigation, NavigationContext, TABS, TabId, rememberTab, storedTab } from "./navigation";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand },
  languages: { display: "flex", gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  // A subtle button's rest text colour is dark: on the brand header it needs the on-brand colour
  // (axe: 1.86:1 otherwise). Hover and the pressed state keep their own light backgrounds.
  languageOff: { color: tokens.colorNeutralForegroundOnBrand },
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingInline: tokens.spacingHorizontalS,
    position: "sticky",
    top: 0,
    zIndex: 1,
  },
  // Four tabs fit at 320 px in both languages; wrap rather than clip if a label grows.
  tabs: { flexWrap: "wrap" },
  main: {
    display: "flex",
    flexDirection: "column",
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
  },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** Props of the task pane root. */
export interface AppProps {
  /** Workbook actions (real Excel, the preview's stand-in, or test doubles). */
  readonly actions: WorkbookActions;
  /** Fluent theme following Office's theme. */
  readonly theme: Theme;
  /** Office.context.displayLanguage, when running in Office. */
  readonly displayLanguage?: string | null;
}

/**
 * The task pane: header with language switch, a tab list (Home · Import · Dashboard · Functions,
 * the choice remembered), and each tab's panel behind an error boundary. Outside Excel it says so instead of offering actions that cannot work.
 *
 * @example
 * <App actions={excelActions} theme={webLightTheme} displayLanguage="en-US" />
 */
export function App({ actions, theme, displayLanguage }: AppProps): React.ReactElement {
  const locale = useLanguage(displayLanguage);
  const dir = locale.language === "ar" ? "rtl" : "ltr";
  return (
    <LocaleContext.Provider value={locale}>
      <FluentProvider theme={theme} dir={dir} lang={locale.language}>
        <Shell actions={actions} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

/** The pane's layout; inside the provider so styles pick up the text direction. */
function Shell({ actions }: { readonly actions: WorkbookActions }): React.ReactElement {
  const locale = useLocale();
  const styles = useStyles();
  const s = locale.strings.shell;
  const inExcel = actions.host !== null;
  const statusState = useWorkbookStatus(actions, inExcel);
  const { refresh } = statusState;
  const watched = React.useMemo(() => watchActions(actions, refresh), [actions, refresh]);
  const [tab, setTab] = React.useState<TabId>(storedTab);
  const [request, setRequest] = React.useState<Navigation["request"]>(null);
  const navigation = React.useMemo<Navigation>(
    () => ({
      tab,
      go: (next, kind) => {
        // Home shows where the workbook stands: coming back to it reads again, so an edit made
        // in the sheets meanwhile (a Stages table changed) shows there.
        if (next === "home" && tab !== "home") refresh();
        setTab(next);
        rememberTab(next);
        if (kind) setRequest((r) => ({ kind, serial: (r?.serial ?? 0) + 1 }));
      },
      request,
      handled: () => setRequest(null),
    }),
    [tab, request, refresh]
  );
  const labels: Record<TabId, string> = {
    home: s.tabHome,
    import: s.tabImport,
    dashboard: s.tabDashboard,
    functions: s.tabFunctions,
  };
  const panels: Record<TabId, React.ReactNode> = {
    home: (
      <>
        <WorkbookCard actions={watched} />
        <SetupSection actions={watched} />
      </>
    ),
    import: (
      <>
        <SetupFirst id="import-needs-setup" message={locale.strings.setup.importNeedsSetup} />
        <ImportSection actions={watched} />
      </>
    ),
    dashboard: <DashboardSection actions={watched} />,
    functions: <FunctionsSection actions={watched} />,
  };
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Text as="h1" size={500} weight="semibold">
            {s.appTitle}
          </Text>
          <Text size={200} className={styles.subtitle}>
            {s.appSubtitle}
          </Text>
        </div>
        <div className={styles.languages} role="group" aria-label={s.language}>
          {(["en", "ar"] as const).map((l) => (
            <ToggleButton
              key={l}
              size="small"
              appearance="subtle"
              checked={locale.language === l}
              onClick={() => locale.setLanguage(l)}
              className={locale.language === l ? undefined : styles.languageOff}
              lang={l}
            >
              {l === "en" ? s.languageEnglish : s.languageArabic}
            </ToggleButton>
          ))}
        </div>
      </header>
      {!inExcel ? (
        <main className={styles.main}>
          <MessageBar intent="warning" data-testid="outside-excel">
            <MessageBarBody>
              <MessageBarTitle>{s.outsideExcelTitle}</MessageBarTitle>
              {s.outsideExcelBody}
            </MessageBarBody>
          </MessageBar>
        </main>
      ) : (
        <StatusContext.Provider value={statusState}>
          <NavigationContext.Provider value={navigation}>
            <nav className={styles.nav}>
              <TabList
                selectedValue={tab}
                onTabSelect={(_, d) => navigation.go(d.value as TabId)}
                aria-label={s.tabs}
                size="small"
                className={styles.tabs}
              >
                {TABS.map((id) => (
                  <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                    {labels[id]}
                  </Tab>
                ))}
              </TabList>
            </nav>
            <main className={styles.main}>
              {TABS.map((id) => (
                // Every panel stays mounted (hidden when not selected) so a half-done import or
                // a report survives a look at another tab.
                <div
                  key={id}
                  id={`panel-${id}`}
                  role="tabpanel"
                  aria-labelledby={`tab-${id}`}
                  hidden={tab !== id}
                  className={tab === id ? styles.panel : undefined}
                  data-testid={`panel-${id}`}
                >
                  <ErrorBoundary title={s.errorBoundaryTitle} retryLabel={s.errorBoundaryRetry}>
                    {panels[id]}
                  </ErrorBoundary>
                </div>
              ))}
            </main>
          </NavigationContext.Provider>
        </StatusContext.Provider>
      )}
    </div>
  );
}
