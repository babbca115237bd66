import { useEffect, useState, type RefObject } from 'react';
import { FALLBACK_HEIGHT, FALLBACK_WIDTH } from './layout';

/**
 * The inner size of an element, kept up to date as the window or the panes around it change. An
 * element not laid out yet (or a test's DOM, which lays nothing out) reports a fallback size.
 * `mounted` says when the element appears (a view that first shows "loading" attaches it later).
 */
export function useElementSize(ref: RefObject<HTMLElement | null>, mounted: boolean): { width: number; height: number } {
  const [size, setSize] = useState({ width: FALLBACK_WIDTH, height: FALLBACK_HEIGHT });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setSize((old) => {
        const width = element.clientWidth || FALLBACK_WIDTH;
        const height = element.clientHeight || FALLBACK_HEIGHT;
        return old.width === width && old.height === height ? old : { width, height };
      });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, mounted]);
  return size;
}
