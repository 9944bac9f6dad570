import { Component, type ComponentChildren } from 'preact';

interface Props {
  onError: (error: unknown) => void;
  children: ComponentChildren;
}

/** Catches any rendering error: logs it and hands over, so the browser's error page never shows. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  override componentDidCatch(error: unknown) {
    console.error('Kiosk screen failed; going home', error);
    this.setState({ failed: true });
    this.props.onError(error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
