import type { Core } from 'cytoscape';

/**
 * Level of detail by zoom. Zoomed out, a person's name, a link's dash pattern and its arrow are
 * smaller than a pixel or two, yet they are most of what Cytoscape spends on a first view (label
 * measuring, dashed and straight edges drawn in software). They are drawn from DETAIL_ZOOM on:
 * the elements that have them carry DETAIL_CLASS (stylesheet.ts), set when the zoom crosses it.
 * Colour, width and size, which the legend keys, are drawn at every zoom.
 */
export const DETAIL_ZOOM = 0.5;
export const DETAIL_CLASS = 'detail';
/**
 * What has detail to show: people (names), and links between people (arrows, dash patterns, and
 * for links outside the core, the link itself: stylesheet.ts leaves them out of the overview).
 */
export const DETAIL_SELECTOR = 'node[type = "person"], edge[kind]';

export function wantsDetail(zoom: number): boolean {
  return zoom >= DETAIL_ZOOM;
}

/**
 * Emitted on the graph before the detail is shown: the links left out of the overview join it
 * then (quiet-links.ts, NetworkCanvas), so that the detail shows them, on screen or in an export.
 */
export const DETAIL_EVENT = 'vigia-detail';

/** Shows or hides the detail of every element that has some, in one batch. */
export function setDetail(core: Core, shown: boolean): void {
  if (shown) core.emit(DETAIL_EVENT);
  core.batch(() => {
    const elements = core.elements(DETAIL_SELECTOR);
    if (shown) elements.addClass(DETAIL_CLASS);
    else elements.removeClass(DETAIL_CLASS);
  });
}

/** Runs `work` (an export) with every detail drawn whatever the zoom, then puts the zoom's level back. */
export async function withDetail<T>(core: Core, work: () => T | Promise<T>): Promise<T> {
  const shown = wantsDetail(core.zoom());
  if (!shown) setDetail(core, true);
  try {
    return await work();
  } finally {
    if (!shown) setDetail(core, false);
  }
}

/**
 * The classes an element should carry: those its definition asks for, plus the detail class when
 * it has it now (the zoom decides that one, not the drawing's definition).
 */
export function classesKeepingDetail(wanted: string, current: readonly string[]): string {
  if (!current.includes(DETAIL_CLASS)) return wanted;
  return wanted ? `${wanted} ${DETAIL_CLASS}` : DETAIL_CLASS;
}
