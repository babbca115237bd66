import type { TimelineLane } from '../../../shared/timeline/model';
import type { TimeScale } from '../../../shared/timeline/time-scale';
import { escapeXml } from '../network/export-svg';
import { laneMarks } from './lane-marks';
import { AXIS_HEIGHT, LABEL_WIDTH, LANE_HEIGHT } from './layout';
import { MIXED_COLOUR } from './prison-colours';

/** What a picture of the timeline shows: the lanes over the time window on screen, marked. */
export interface TimelinePicture {
  lanes: readonly TimelineLane[];
  /** Names to print for lanes (a person's or prison's name), by lane key. */
  labels: ReadonlyMap<string, string>;
  scale: TimeScale;
  /** Width of the time window in pixels (the lanes' drawing, without the names column). */
  width: number;
  colours: ReadonlyMap<string, string>;
  ticks: readonly { x: number; label: string }[];
  /** The network's date on the ruler, when it is in the window. */
  cursor?: { x: number; label: string } | undefined;
  marking: string;
  title: string;
  /** A line under the title: the window's dates, the grouping, lanes left out. */
  subtitle: string;
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif';
const BAND = 28;
const HEAD = 44;
const INK = '#1f2933';
const SOFT = '#52606d';
const PAPER = '#ffffff';
const MID = LANE_HEIGHT / 2;
const MAX_LABEL = 28;

/**
 * The timeline as a standalone SVG document: the marking in a band at the top and bottom, title and
 * window, the ruler, then each lane with its name, stays as bars in their prison's colour, transfers,
 * release markers and links and events, drawn with the same marks as the screen (lane-marks.ts).
 * Every text from the case is escaped; styles are inline, nothing is referenced from outside.
 */
export function timelineSvg(picture: TimelinePicture): string {
  const width = LABEL_WIDTH + picture.width;
  const top = BAND + HEAD;
  const lanesTop = top + AXIS_HEIGHT;
  const height = lanesTop + picture.lanes.length * LANE_HEIGHT + BAND;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12">`,
    `<title>${escapeXml(picture.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
    band(0, width, picture.marking),
    `<text x="12" y="${BAND + 20}" font-size="16" font-weight="700" fill="${INK}">${escapeXml(picture.title)}</text>`,
    `<text x="12" y="${BAND + 38}" fill="${SOFT}">${escapeXml(picture.subtitle)}</text>`,
  );
  // The ruler.
  out.push(`<g transform="translate(${LABEL_WIDTH},${top})">`, `<line x1="0" y1="${AXIS_HEIGHT - 1}" x2="${picture.width}" y2="${AXIS_HEIGHT - 1}" stroke="${SOFT}"/>`);
  for (const tick of picture.ticks) {
    // A label that would run past the right edge is left out (its tick mark stays).
    if (tick.x < 0 || tick.x > picture.width) continue;
    if (tick.x > picture.width - 34) {
      out.push(`<line x1="${r(tick.x)}" y1="${AXIS_HEIGHT - 8}" x2="${r(tick.x)}" y2="${AXIS_HEIGHT - 1}" stroke="${SOFT}"/>`);
      continue;
    }
    out.push(`<line x1="${r(tick.x)}" y1="${AXIS_HEIGHT - 8}" x2="${r(tick.x)}" y2="${AXIS_HEIGHT - 1}" stroke="${SOFT}"/>`, `<text x="${r(tick.x) + 3}" y="${AXIS_HEIGHT - 12}" fill="${SOFT}">${escapeXml(tick.label)}</text>`);
  }
  out.push('</g>');
  // The lanes, clipped to the window.
  out.push(`<defs><clipPath id="window"><rect x="0" y="0" width="${picture.width}" height="${picture.lanes.length * LANE_HEIGHT}"/></clipPath></defs>`);
  picture.lanes.forEach((lane, index) => {
    const y = lanesTop + index * LANE_HEIGHT;
    const label = picture.labels.get(lane.key) ?? lane.label;
    const short = label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
    out.push(
      `<g transform="translate(0,${y})">`,
      index % 2 ? `<rect width="${width}" height="${LANE_HEIGHT}" fill="#f7f9fb"/>` : '',
      `<text x="8" y="${MID + 4}" fill="${INK}">${escapeXml(short)}</text>`,
      '</g>',
    );
  });
  out.push(`<g transform="translate(${LABEL_WIDTH},${lanesTop})" clip-path="url(#window)">`);
  picture.lanes.forEach((lane, index) => {
    const marks = laneMarks(lane, picture.scale, picture.width);
    out.push(`<g transform="translate(0,${index * LANE_HEIGHT})">`);
    for (const bar of marks.bars) {
      const prisonId = bar.type === 'bar' ? bar.bar.prisonId : bar.prisonId;
      const colour = (prisonId && picture.colours.get(prisonId)) || MIXED_COLOUR;
      out.push(`<rect x="${r(bar.x)}" y="${MID - 6}" width="${r(Math.max(1, bar.width))}" height="12" rx="2" fill="${colour}"/>`);
      if (bar.type === 'bar' && bar.bar.open) out.push(`<path d="M${r(bar.x + bar.width)},${MID - 8} l7,8 l-7,8 z" fill="${colour}"/>`);
    }
    for (const transfer of marks.transfers) out.push(`<path d="M${r(transfer.x)},${MID - 11} v22 M${r(transfer.x) - 4},${MID - 7} l4,-4 l4,4" fill="none" stroke="${INK}" stroke-width="2"/>`);
    for (const marker of marks.markers) out.push(`<path d="M${r(marker.x) - 6},${MID - 12} h12 l-6,9 z" fill="${marker.items[0]!.kind === 'early' ? INK : PAPER}" stroke="${INK}" stroke-width="1.5"/>`);
    for (const placed of marks.points) {
      if (placed.type === 'cluster') {
        out.push(
          `<rect x="${r(placed.x) - 9}" y="${MID - 8}" width="18" height="16" rx="8" fill="${INK}"/>`,
          `<text x="${r(placed.x)}" y="${MID + 4}" text-anchor="middle" font-size="10" fill="${PAPER}">${placed.count > 99 ? '99+' : placed.count}</text>`,
        );
      } else if (placed.point.type === 'event') {
        out.push(`<rect x="${r(placed.x) - 5}" y="${MID - 5}" width="10" height="10" transform="rotate(45 ${r(placed.x)} ${MID})" fill="${INK}" stroke="${PAPER}"/>`);
      } else {
        const grading = placed.point.grading;
        const weak = !!grading && ('DEF'.includes(grading.reliability) || grading.credibility >= 4);
        out.push(`<circle cx="${r(placed.x)}" cy="${MID}" r="5" fill="${weak ? PAPER : INK}" stroke="${INK}" stroke-width="${weak ? 2 : 0}"/>`);
      }
    }
    out.push('</g>');
  });
  if (picture.cursor && picture.cursor.x >= 0 && picture.cursor.x <= picture.width) {
    out.push(`<line x1="${r(picture.cursor.x)}" y1="${-AXIS_HEIGHT}" x2="${r(picture.cursor.x)}" y2="${picture.lanes.length * LANE_HEIGHT}" stroke="#a61b1b" stroke-width="1.5"/>`);
  }
  out.push('</g>');
  if (picture.cursor && picture.cursor.x >= 0 && picture.cursor.x <= picture.width) {
    out.push(`<text x="${LABEL_WIDTH + r(picture.cursor.x) + 4}" y="${top + 12}" fill="#a61b1b">${escapeXml(picture.cursor.label)}</text>`);
  }
  out.push(band(height - BAND, width, picture.marking), '</svg>');
  return out.filter(Boolean).join('\n');
}

function band(y: number, width: number, marking: string): string {
  return `<rect y="${y}" width="${width}" height="${BAND}" fill="#2e3a46"/><text x="${width / 2}" y="${y + 18}" text-anchor="middle" font-weight="700" letter-spacing="1" fill="#ffffff">${escapeXml(marking)}</text>`;
}

const r = (value: number) => Math.round(value * 10) / 10;
