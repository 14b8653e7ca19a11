import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./shell/App";
import { themeFor } from "./shell/theme";
import { workbookActions } from "./actions";

function officeTheme(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined; // officeTheme is unavailable on some hosts
  }
}

Office.onReady((info) => {
  const host = info.host ? String(info.host) : null;
  const actions = workbookActions(host);
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <App
      actions={actions}
      theme={themeFor(officeTheme())}
      displayLanguage={Office.context?.displayLanguage}
    />
  );
});
