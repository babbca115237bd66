/**
 * Deterministic preset layouts, computed in plain code instead of a force layout on the main
 * thread: prisons on a grid, each prison's inmates packed in a square inside it. The same case
 * always gets the same picture, so analysts can find things where they left them.
 */

export interface Point {
  x: number;
  y: number;
}

export interface PrisonBlock {
  id: string;
  /** Ids of the inmates held in it, in the order they are packed. */
  memberIds: readonly string[];
}

/** About the distance between two inmates' centres inside a prison. */
export const INMATE_SPACING = 84;
/** Gap between prisons on the grid (room for the prison's label and padding). */
export const PRISON_GAP = 160;

/** Columns of a square-ish grid of `n` cells. */
export function gridColumns(n: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(n)));
}

/**
 * Width / height of the network's canvas on the screens the workstation is used on (a laptop at
 * 1366×768, a desktop at 1920×1080, lists and panel beside it): about 2 to 1.
 */
export const CANVAS_ASPECT = 2;

/**
 * The network's canvas on a 1366×768 laptop, lists beside it (measured in Chromium), with the padding
 * the drawing is fitted with: the smallest it is drawn on, so what reads there reads everywhere.
 */
export const LAPTOP_CANVAS = { width: 881, height: 512, padding: 24 };
/** The smallest size, in screen pixels, at which a prison's name reads. */
export const READABLE_PX = 12;

/** Columns of a grid of `n` equal cells that fills a canvas CANVAS_ASPECT times wider than tall. */
export function wideColumns(n: number): number {
  return Math.max(1, Math.min(n, Math.round(Math.sqrt(n * CANVAS_ASPECT))));
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Sunflower packing puts one point per π·step² of area, so this step keeps neighbours ~INMATE_SPACING apart. */
const SUNFLOWER_STEP = INMATE_SPACING / Math.sqrt(Math.PI);

/**
 * The k-th inmate of a prison on a sunflower spiral around its centre: the first (the leader, as
 * members are ordered by role) in the middle. Unlike rows, a spiral puts no three people on a line,
 * so links between them do not run through other people.
 */
export function sunflowerOffset(k: number): Point {
  const radius = SUNFLOWER_STEP * Math.sqrt(k + 0.5);
  const angle = k * GOLDEN_ANGLE;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** Side of the square that holds a prison of `members` inmates. */
export function blockSide(members: number): number {
  return 2 * SUNFLOWER_STEP * Math.sqrt(Math.max(1, members) - 0.5) + INMATE_SPACING;
}

/** A cell of a grid: what it must hold, before the gap between cells. */
export interface GridCell {
  width: number;
  height: number;
}

/** Where a cell of the grid landed: its column's left edge and width, its row's top edge and height. */
export interface PlacedCell {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Cells on a grid of `columns` whose columns are as wide and rows as tall as their largest cell,
 * `gap` apart; with `brick`, odd rows are shifted by half a column (as bricks are laid) so links
 * between cells of neighbouring rows do not all run along one line.
 */
export function gridCells(cells: readonly GridCell[], columns: number, gap: number, brick = false): PlacedCell[] {
  const colWidth: number[] = [];
  const rowHeight: number[] = [];
  cells.forEach((cell, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    colWidth[col] = Math.max(colWidth[col] ?? 0, cell.width);
    rowHeight[row] = Math.max(rowHeight[row] ?? 0, cell.height);
  });
  const colStart = offsets(colWidth, gap);
  const rowStart = offsets(rowHeight, gap);
  const shift = brick ? (Math.max(...colWidth, 0) + gap) / 2 : 0;
  return cells.map((_, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    return { left: colStart[col]! + (row % 2 === 1 ? shift : 0), top: rowStart[row]!, width: colWidth[col]!, height: rowHeight[row]! };
  });
}

/**
 * Positions of every inmate: prisons in a brick grid (gridCells) whose rows and columns are as wide
 * as their largest prison; inmates on a spiral inside each prison. Prisons with no inmates keep a
 * position of their own.
 */
export function packPrisons(blocks: readonly PrisonBlock[], columns = gridColumns(blocks.length)): {
  inmates: Map<string, Point>;
  prisons: Map<string, Point>;
} {
  const sides = blocks.map((block) => blockSide(block.memberIds.length));
  const placed = gridCells(
    sides.map((side) => ({ width: side, height: side })),
    columns,
    PRISON_GAP,
    true,
  );
  const inmates = new Map<string, Point>();
  const prisons = new Map<string, Point>();
  blocks.forEach((block, i) => {
    const cell = placed[i]!;
    const centre = { x: cell.left + cell.width / 2, y: cell.top + cell.height / 2 };
    prisons.set(block.id, centre);
    block.memberIds.forEach((memberId, k) => {
      const offset = sunflowerOffset(k);
      inmates.set(memberId, { x: Math.round(centre.x + offset.x), y: Math.round(centre.y + offset.y) });
    });
  });
  return { inmates, prisons };
}

function offsets(sizes: readonly number[], gap: number): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const size of sizes) {
    starts.push(at);
    at += size + gap;
  }
  return starts;
}
