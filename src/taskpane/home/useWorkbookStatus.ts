import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { StatusActions, WorkbookStatus } from "../../workbook/status";
import type { WorkbookActions } from "../actions";

/** The workbook's status as the pane knows it. */
export interface StatusState {
  /** Null until the first read finishes (or when it failed). */
  readonly status: WorkbookStatus | null;
  readonly loading: boolean;
  /** Reads the status again. */
  readonly refresh: () => void;
}

export const StatusContext = createContext<StatusState>({
  status: null,
  loading: false,
  refresh: () => undefined,
});

/**
 * The workbook status provided by the shell (for the Home view and for the reasons a disabled
 * action gives).
 *
 * @returns status, loading, refresh
 * @example
 * const { status } = useStatus(); status?.setUp;
 */
export function useStatus(): StatusState {
  return useContext(StatusContext);
}

/**
 * Reads the workbook status on mount and on `refresh()`; a later read wins over an earlier one
 * still in flight.
 *
 * @param actions the status action
 * @param enabled false outside Excel (nothing to read)
 * @returns the status state
 * @example
 * const statusState = useWorkbookStatus(actions, actions.host !== null);
 */
export function useWorkbookStatus(
  actions: Pick<StatusActions, "readWorkbookStatus">,
  enabled: boolean
): StatusState {
  const [status, setStatus] = useState<WorkbookStatus | null>(null);
  const [loading, setLoading] = useState(enabled);
  const latest = useRef(0);
  const refresh = useCallback(() => {
    if (!enabled || typeof actions.readWorkbookStatus !== "function") return;
    const n = ++latest.current;
    setLoading(true);
    actions.readWorkbookStatus().then(
      (s) => {
        if (n !== latest.current) return;
        setStatus(s);
        setLoading(false);
      },
      () => {
        // The status is a guide, not a gate: every action still reports its own problems.
        if (n === latest.current) setLoading(false);
      }
    );
  }, [actions, enabled]);
  useEffect(() => {
    refresh();
    return () => {
      latest.current++;
    };
  }, [refresh]);
  return useMemo(() => ({ status, loading, refresh }), [status, loading, refresh]);
}

/** The actions that change what the Home view shows. */
const CHANGING = [
  "setUp",
  "removeSampleData",
  "importRecords",
  "buildDashboard",
  "shareDashboardCopy",
] as const;

/**
 * The workbook actions, each changing one followed by a status refresh (success or failure: a
 * failed import may have written some blocks).
 *
 * @param actions the App's actions
 * @param refresh reads the status again
 * @returns the same actions, watched
 * @example
 * const watched = useMemo(() => watchActions(actions, refresh), [actions, refresh]);
 */
export function watchActions(actions: WorkbookActions, refresh: () => void): WorkbookActions {
  const out: Record<string, unknown> = { ...actions };
  for (const name of CHANGING) {
    const original = actions[name] as unknown as
      ((...args: unknown[]) => Promise<unknown>) | undefined;
    if (typeof original !== "function") continue;
    out[name] = (...args: unknown[]) => original.apply(actions, args).finally(() => refresh());
  }
  return out as unknown as WorkbookActions;
}
