import type { Page } from 'playwright-core';

/** A prison's name as Cytoscape drew it: its size on screen and its box, in pixels of the canvas. */
export interface NameOnScreen {
  label: string;
  fontPx: number;
  box: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * The prisons' names on the drawing now (the prison level's nodes, or the boxes of the grouped
 * view), read from the Cytoscape instance kept on the canvas's container, with the canvas's size.
 */
export function prisonNames(page: Page): Promise<{ width: number; height: number; names: NameOnScreen[] }> {
  return page.locator('.network-canvas').evaluate((container) => {
    type Node = { data(field: string): unknown; renderedBoundingBox(options: object): { x1: number; y1: number; x2: number; y2: number } };
    type Cy = { zoom(): number; width(): number; height(): number; nodes(selector: string): Node[] & { map<T>(f: (n: Node) => T): T[] } };
    const cy = (container as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    const names = cy.nodes('node[type = "prison-summary"], node[type = "prison"][labelSize]').map((node) => {
      const { x1, y1, x2, y2 } = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
      return { label: String(node.data('label')), fontPx: Number(node.data('labelSize')) * cy.zoom(), box: { x1, y1, x2, y2 } };
    });
    return { width: cy.width(), height: cy.height(), names };
  });
}

/** Pairs of names whose boxes overlap, as "A / B". */
export function overlappingNames(names: readonly NameOnScreen[]): string[] {
  const apart = (a: NameOnScreen['box'], b: NameOnScreen['box']) => a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1;
  return names.flatMap((a, i) => names.slice(i + 1).filter((b) => !apart(a.box, b.box)).map((b) => `${a.label} / ${b.label}`));
}
