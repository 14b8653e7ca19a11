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
} from "@fluentui/react-components";
import { LocaleContext, useLocale } from "../i18n";
import { useLanguage } from "./useLanguage";
import { ErrorBoundary } from "./ErrorBoundary";
import { WorkbookActions } from "../actions";
import { FunctionsSection } from "../gallery/FunctionsSection";
import { SetupSection } from "../setup/SetupSection";
import { DashboardSection } from "../dashboard/DashboardSection";
import { ImportSection } from "../sections/ImportSection";

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
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalL,
    paddingInline: tokens.spacingHorizontalL,
  },
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
 * The task pane: header with language switch, then the product's sections, each behind an
 * error boundary. Outside Excel it says so instead of offering actions that cannot work.
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
  const sections: React.ReactNode[] = [
    <SetupSection key="setup" actions={actions} />,
    <ImportSection key="import" actions={actions} />,
    <DashboardSection key="dashboard" actions={actions} />,
    <FunctionsSection key="functions" actions={actions} />,
  ];
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
          <ToggleButton
            size="small"
            appearance="subtle"
            checked={locale.language === "en"}
            onClick={() => locale.setLanguage("en")}
            className={locale.language === "en" ? undefined : styles.languageOff}
            lang="en"
          >
            {s.languageEnglish}
          </ToggleButton>
          <ToggleButton
            size="small"
            appearance="subtle"
            checked={locale.language === "ar"}
            onClick={() => locale.setLanguage("ar")}
            className={locale.language === "ar" ? undefined : styles.languageOff}
            lang="ar"
          >
            {s.languageArabic}
          </ToggleButton>
        </div>
      </header>
      <main className={styles.main}>
        {actions.host === null ? (
          <MessageBar intent="warning" data-testid="outside-excel">
            <MessageBarBody>
              <MessageBarTitle>{s.outsideExcelTitle}</MessageBarTitle>
              {s.outsideExcelBody}
            </MessageBarBody>
          </MessageBar>
        ) : (
          sections.map((section, i) => (
            <ErrorBoundary key={i} title={s.errorBoundaryTitle} retryLabel={s.errorBoundaryRetry}>
              {section}
            </ErrorBoundary>
          ))
        )}
      </main>
    </div>
  );
}
