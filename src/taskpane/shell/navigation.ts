/**
 * Moving between the pane's tabs, optionally asking the target tab to run its action: a Home
 * "next step" or a refusal's fix ("Run Setup", "Build dashboard") switches tab and starts the
 * step there, where its options and progress are shown.
 */
import { createContext, useContext, useEffect } from "react";

/** The pane's tabs. */
export type TabId = "home" | "import" | "dashboard" | "functions";

/** Every tab, in order. */
export const TABS: readonly TabId[] = ["home", "import", "dashboard", "functions"];

/** An action a tab is asked to run when it opens. */
export type PaneRequest = "setup" | "build";

/** The navigation the shell provides. */
export interface Navigation {
  readonly tab: TabId;
  /** Opens a tab, optionally asking it to run its action. */
  readonly go: (tab: TabId, request?: PaneRequest) => void;
  /** The pending request, with a serial so the same request twice runs twice. */
  readonly request: { readonly kind: PaneRequest; readonly serial: number } | null;
  /** Marks the pending request handled. */
  readonly handled: () => void;
}

export const NavigationContext = createContext<Navigation>({
  tab: "home",
  go: () => undefined,
  request: null,
  handled: () => undefined,
});

/**
 * The shell's navigation.
 *
 * @returns tab, go, the pending request
 * @example
 * const nav = useNavigation(); nav.go("home", "setup");
 */
export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/**
 * Runs `run` when another part of the pane asks for `kind` (once per request).
 *
 * @param kind the request this feature handles
 * @param run what to do
 * @example
 * usePaneRequest("build", state.build);
 */
export function usePaneRequest(kind: PaneRequest, run: () => void): void {
  const nav = useNavigation();
  const serial = nav.request?.kind === kind ? nav.request.serial : null;
  useEffect(() => {
    if (serial === null) return;
    nav.handled();
    run();
    // Only a new request runs the action, not a new `run` closure (hence `serial` alone).
  }, [serial]);
}

const TAB_KEY = "sales-addin.tab";

/**
 * The tab remembered from the last session, else Home.
 *
 * @returns the tab to open
 * @example
 * useState(storedTab);
 */
export function storedTab(): TabId {
  try {
    const v = globalThis.localStorage?.getItem(TAB_KEY);
    return (TABS as readonly string[]).includes(v ?? "") ? (v as TabId) : "home";
  } catch {
    return "home"; // storage can be blocked in some Office webviews
  }
}

/**
 * Remembers the open tab for the next session.
 *
 * @param tab the tab
 * @example
 * rememberTab("dashboard");
 */
export function rememberTab(tab: TabId): void {
  try {
    globalThis.localStorage?.setItem(TAB_KEY, tab);
  } catch {
    // not remembered; the pane opens on Home next time
  }
}
