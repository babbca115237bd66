import { Component, type ReactNode } from 'react';

interface Props {
  /** What replaces the children once one of them has thrown while rendering; `retry` renders them again. */
  fallback(error: unknown, retry: () => void): ReactNode;
  children: ReactNode;
}

/**
 * Keeps a failure in one part of the screen from blanking the window: React unmounts the whole tree
 * when a render throws and nothing catches it, and a class component is still React's only way to.
 */
export class ErrorBoundary extends Component<Props, { error: unknown; failed: boolean }> {
  override state = { error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('a part of the screen failed:', error);
  }

  private readonly retry = () => this.setState({ error: undefined, failed: false });

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
