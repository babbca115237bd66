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

/**
 * Positions of every inmate: prisons in a grid whose rows and columns are as wide as their
 * largest prison, odd rows shifted by half a column (as bricks are laid) so links between prisons
 * of one row do not all run along one line; inmates on a spiral inside each prison. Prisons with
 * no inmates keep a position of their own.
 */
export function packPrisons(blocks: readonly PrisonBlock[], columns = gridColumns(blocks.length)): {
  inmates: Map<string, Point>;
  prisons: Map<string, Point>;
} {
  const colWidth: number[] = [];
  const rowHeight: number[] = [];
  blocks.forEach((block, i) => {
    const side = blockSide(block.memberIds.length);
    const col = i % columns;
    const row = Math.floor(i / columns);
    colWidth[col] = Math.max(colWidth[col] ?? 0, side);
    rowHeight[row] = Math.max(rowHeight[row] ?? 0, side);
  });
  const colStart = offsets(colWidth);
  const rowStart = offsets(rowHeight);
  const brick = (Math.max(...colWidth, 0) + PRISON_GAP) / 2;

  const inmates = new Map<string, Point>();
  const prisons = new Map<string, Point>();
  blocks.forEach((block, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const centre = {
      x: colStart[col]! + colWidth[col]! / 2 + (row % 2 === 1 ? brick : 0),
      y: rowStart[row]! + rowHeight[row]! / 2,
    };
    prisons.set(block.id, centre);
    block.memberIds.forEach((memberId, k) => {
      const offset = sunflowerOffset(k);
      inmates.set(memberId, { x: Math.round(centre.x + offset.x), y: Math.round(centre.y + offset.y) });
    });
  });
  return { inmates, prisons };
}

function offsets(sizes: readonly number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const size of sizes) {
    starts.push(at);
    at += size + PRISON_GAP;
  }
  return starts;
}

/** Room each prison takes on the circle of the prison-level view (its largest node and a gap). */
const CIRCLE_SLOT = 130;

/** Prisons on a circle, largest first clockwise from the top: the prison-level view of big cases. */
export function circlePositions(
  ids: readonly string[],
  radius = Math.max(300, (ids.length * CIRCLE_SLOT) / (2 * Math.PI)),
): Map<string, Point> {
  const positions = new Map<string, Point>();
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ids.length) - Math.PI / 2;
    positions.set(id, { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) });
  });
  return positions;
}
