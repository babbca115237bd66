/** Messages between the page and the layout worker. */
export interface FreeLayoutRequest {
  /** Node ids to place. */
  nodes: string[];
  /** Edges as [source, target] node ids; several edges between one pair are fine. */
  edges: [string, string][];
}

export type LayoutMessage =
  | { type: 'done'; positions: Record<string, { x: number; y: number }> }
  | { type: 'failed'; reason: string };
