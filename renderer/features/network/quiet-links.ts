import type { ElementDefinition } from 'cytoscape';

/**
 * Links outside the leader's are not drawn in the overview (stylesheet.ts): ~1,200 of the demo's
 * 1,269. Handing them to Cytoscape anyway costs nearly half of its first drawing (style matching
 * and bookkeeping per element, drawn or not), so they join the graph only when wanted: all of them
 * once the zoom reaches the detail level or an export draws every detail, a person's own when that
 * person is selected, and any a highlighted chain runs through. Once in, they stay (hidden again
 * by the stylesheet when zoomed out): taking them out again would cost as much as adding them.
 */
export interface QuietLinksShown {
  /** Every link is in the graph (the detail zoom was reached, or an export asked). */
  all: boolean;
  /** Person node ids whose links were asked for (selected at some point). */
  around: ReadonlySet<string>;
}

/** A link between people that the overview leaves out (no `backbone` mark). */
export function isQuietLink(element: ElementDefinition): boolean {
  return element.group === 'edges' && element.data.kind !== undefined && element.data.backbone !== true;
}

/** The elements to hand to Cytoscape: every one but the quiet links not (yet) wanted. */
export function elementsToDraw(elements: readonly ElementDefinition[], shown: QuietLinksShown): readonly ElementDefinition[] {
  if (shown.all) return elements;
  return elements.filter(
    (element) =>
      !isQuietLink(element) ||
      shown.around.has(String(element.data.source)) ||
      shown.around.has(String(element.data.target)) ||
      (typeof element.classes === 'string' && element.classes.split(' ').includes('path')),
  );
}
