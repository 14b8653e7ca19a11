import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Props of the error boundary: localized labels and the content to protect. */
export interface ErrorBoundaryProps {
  readonly title: string;
  readonly retryLabel: string;
  readonly children: React.ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Catches rendering errors of a section so one broken section never blanks the whole pane;
 * shows the message and a retry button.
 *
 * @example
 * <ErrorBoundary title="…" retryLabel="Try again"><Section /></ErrorBoundary>
 */
export class ErrorBoundary extends React.Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {this.state.error.message}{" "}
          <Button size="small" onClick={() => this.setState({ error: null })}>
            {this.props.retryLabel}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
}
