import type { Core } from 'cytoscape';
import type { LegendEntry } from './legend-entries';
import { RELEASE_BADGE_COLOUR } from './legend-entries';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const BAND = 36;
const PAD = 32;
const LEGEND_WIDTH = 320;
const LEGEND_LINE = 22;
/** The largest side of the graph image: big enough to read names, small enough to open anywhere. */
const MAX_SIDE = 4000;

function drawSample(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number): void {
  const s = entry.sample;
  ctx.save();
  if (s.kind === 'line') {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.setLineDash(s.dash ? s.dash.split(' ').map(Number) : []);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 30, y);
    ctx.stroke();
    if (s.arrow) {
      ctx.fillStyle = s.color;
      ctx.beginPath();
      ctx.moveTo(x + 26, y - 4);
      ctx.lineTo(x + 34, y);
      ctx.lineTo(x + 26, y + 4);
      ctx.fill();
    }
  } else if (s.kind === 'node' || s.kind === 'badge') {
    ctx.fillStyle = s.kind === 'node' ? s.color : '#9AA5B1';
    ctx.beginPath();
    ctx.arc(x + 16, y, s.kind === 'node' ? s.size : 5, 0, 2 * Math.PI);
    ctx.fill();
    if (s.kind === 'badge') {
      ctx.strokeStyle = RELEASE_BADGE_COLOUR;
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
  } else if (s.kind !== 'none') {
    ctx.fillStyle = s.kind === 'prison-summary' ? '#52606D' : s.kind === 'map' ? '#EEF2F5' : '#F4F6F8';
    ctx.strokeStyle = '#9AA5B1';
    ctx.fillRect(x + 2, y - 6, 28, 12);
    ctx.strokeRect(x + 2, y - 6, 28, 12);
  }
  ctx.restore();
}

/**
 * The current view as a PNG: Cytoscape's own image of the whole graph, with the case's marking in
 * a band above and below, a title, the map outline under it (map view) and the legend beside it.
 */
export async function composePng(
  cy: Core,
  view: { marking: string; title: string; legend: LegendEntry[]; underlayPath?: string | undefined },
): Promise<Uint8Array> {
  const box = cy.elements().boundingBox();
  const scale = Math.max(0.05, Math.min(2, MAX_SIDE / Math.max(1, box.w), MAX_SIDE / Math.max(1, box.h)));
  const graphBlob = await cy.png({ output: 'blob-promise', full: true, scale, ...(view.underlayPath ? {} : { bg: '#FFFFFF' }) });
  const graph = await createImageBitmap(graphBlob);
  const legendHeight = view.legend.length * LEGEND_LINE + 24;
  const width = graph.width + PAD * 3 + LEGEND_WIDTH;
  const height = Math.max(graph.height, legendHeight) + PAD * 2 + BAND * 2 + 28;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, width, height);

  ctx.fillStyle = '#A61B1B';
  ctx.font = `700 16px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(view.marking, width / 2, BAND * 0.65);
  ctx.fillText(view.marking, width / 2, height - BAND * 0.35);
  ctx.textAlign = 'left';
  ctx.fillStyle = '#1F2933';
  ctx.font = `15px ${FONT}`;
  ctx.fillText(view.title, PAD, BAND + 20);

  const top = BAND + 28 + PAD;
  if (view.underlayPath) {
    // Same transform as Cytoscape's full image: model (x1, y1) at the image's corner, `scale` px per unit.
    const k = graph.width / Math.max(1, box.w);
    ctx.save();
    ctx.beginPath();
    ctx.rect(PAD, top, graph.width, graph.height);
    ctx.clip();
    ctx.setTransform(k, 0, 0, k, PAD - box.x1 * k, top - box.y1 * k);
    const outline = new Path2D(view.underlayPath);
    ctx.fillStyle = '#EEF2F5';
    ctx.fill(outline);
    ctx.strokeStyle = '#B8C2CC';
    ctx.lineWidth = 1.5 / k;
    ctx.stroke(outline);
    ctx.restore();
  }
  ctx.drawImage(graph, PAD, top);
  const legendX = graph.width + PAD * 2;
  graph.close();

  ctx.font = `12px ${FONT}`;
  view.legend.forEach((entry, i) => {
    const y = top + i * LEGEND_LINE + 10;
    drawSample(ctx, entry, legendX, y);
    ctx.fillStyle = '#1F2933';
    ctx.fillText(entry.label, legendX + 42, y + 4);
  });

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser produced no PNG');
  return new Uint8Array(await blob.arrayBuffer());
}
