/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/shell/App";
import { themeFor } from "../../src/taskpane/shell/theme";
import { WorkbookActions } from "../../src/taskpane/actions";

// Outside Excel the shell renders no section, so none of the actions can be called.
const outsideExcel = { host: null } as WorkbookActions;

describe("App shell", () => {
  beforeEach(() => localStorage.clear());

  it("says clearly when it is opened outside Excel", () => {
    render(<App actions={outsideExcel} theme={webLightTheme} />);
    expect(screen.getByTestId("outside-excel").textContent).toMatch(/Open this in Excel/);
  });

  it("follows Office's Arabic display language and switches direction", () => {
    const { container } = render(
      <App actions={outsideExcel} theme={webLightTheme} displayLanguage="ar-SA" />
    );
    expect(container.querySelector("[dir='rtl']")).not.toBeNull();
    expect(screen.getByRole("heading").textContent).toBe("مؤشرات المبيعات");
  });

  it("remembers the language the user picks", () => {
    render(<App actions={outsideExcel} theme={webLightTheme} displayLanguage="en-US" />);
    fireEvent.click(screen.getByText("العربية"));
    expect(localStorage.getItem("sales-addin.language")).toBe("ar");
    expect(screen.getByRole("heading").textContent).toBe("مؤشرات المبيعات");
  });
});

describe("themeFor", () => {
  it("picks the dark theme for a dark Office background", () => {
    expect(themeFor("#262626")).not.toBe(webLightTheme);
    expect(themeFor("#ffffff")).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
  });
});
