import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useLocale } from "../i18n";
import { useStatus } from "../home/useWorkbookStatus";
import { useNavigation } from "../shell/navigation";

/** Props of {@link SetupFirst}. */
export interface SetupFirstProps {
  /** Why this tab needs setup, in the pane's language. */
  readonly message: string;
  /** Id of the message, for the aria-describedby of the actions it disables. */
  readonly id: string;
}

/**
 * Before setup, a tab's actions cannot work: this says why and offers the step that enables
 * them (Run Setup, on the Home tab). Renders nothing once the workbook is set up or while its
 * status is unknown.
 *
 * @example
 * <SetupFirst id="dashboard-needs-setup" message={s.needsSetup} />
 */
export function SetupFirst({ message, id }: SetupFirstProps): React.ReactElement | null {
  const { status } = useStatus();
  const nav = useNavigation();
  const s = useLocale().strings.setup;
  if (status === null || status.setUp) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid={id}>
      <MessageBarBody id={id}>{message}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => nav.go("home", "setup")}>
          {s.runSetup}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
