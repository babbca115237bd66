import { useEffect } from 'react';

/** What counts as the analyst being there. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without input, or once the window has been hidden (another tab, minimised)
 * that long; an open dialog does not hold it off. Time is read from the wall clock at each check,
 * so a machine that slept past the limit locks at the first check after waking.
 */
export function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    const limit = minutes * 60_000;
    let lastInput = Date.now();
    let hiddenSince = document.hidden ? Date.now() : undefined;
    const check = () => {
      const now = Date.now();
      if (now - lastInput >= limit || (hiddenSince !== undefined && now - hiddenSince >= limit)) lock();
    };
    const onInput = () => {
      lastInput = Date.now();
    };
    const onVisibility = () => {
      if (document.hidden) hiddenSince = Date.now();
      else {
        check();
        hiddenSince = undefined;
      }
    };
    for (const type of INPUT_EVENTS) document.addEventListener(type, onInput, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(check, Math.min(10_000, limit / 6));
    return () => {
      for (const type of INPUT_EVENTS) document.removeEventListener(type, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
}
