import type { StylesheetJson } from 'cytoscape';
import type { LineStyle } from '../../network-model/link-styles';
import { AGGREGATE_COLOUR, DERIVED_COLOUR, PATH_COLOUR, RELEASE_BADGE_COLOUR } from './legend-entries';

/**
 * `data(field)` for a property whose typings list only literal values: Cytoscape accepts a data
 * mapper for every property (style parsing checks for it before the property's own type).
 */
function fromData<T>(field: string): T {
  return `data(${field})` as unknown as T;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/**
 * The graph's look. Person labels appear only when zoomed in (min-zoomed-font-size) so the overview
 * stays readable and cheap; undirected links are haystack edges (the cheapest Cytoscape draws),
 * directed ones straight edges with an arrow, since haystack edges cannot carry arrows.
 */
export function networkStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: { 'font-family': FONT, 'text-wrap': 'ellipsis', 'text-max-width': '78px' },
    },
    {
      selector: 'node[type = "person"]',
      style: {
        // Size and colour come from the data (styling.ts), so one choice of the analyst restyles all.
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(color)',
        'border-width': 1.5,
        'border-color': '#FFFFFF',
        // Drawn by z-index alone: people above links, links above the prison boxes they cross.
        'z-index-compare': 'manual',
        'z-index': 4,
      },
    },
    // The leader is found at first sight: named at every zoom, ringed, above everyone else.
    {
      selector: 'node[type = "person"][role = "leader"]',
      style: {
        label: 'data(label)',
        'font-size': fromData<number>('labelSize'),
        'font-weight': 700,
        'text-wrap': 'none',
        'text-max-width': '2000px',
        'min-zoomed-font-size': 0,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'border-width': 4,
        'border-color': '#1F2933',
        'z-index': 8,
      },
    },
    // Names only from the detail zoom on (detail-level.ts), and even then only once readable.
    {
      selector: 'node[type = "person"].detail, node[type = "person"]:selected',
      style: { label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 9, 'text-valign': 'bottom', 'text-margin-y': 3 },
    },
    // Due for release soon: a ring around the node (the selection uses the border).
    {
      selector: 'node[type = "person"][?releasing]',
      style: { 'outline-width': 3, 'outline-color': RELEASE_BADGE_COLOUR, 'outline-offset': 1, 'outline-opacity': 1 },
    },
    { selector: 'node[type = "person"].pinned', style: { shape: 'round-diamond' } },
    {
      selector: 'node[type = "prison"], node[type = "outside"]',
      style: {
        shape: 'round-rectangle',
        'background-color': '#F4F6F8',
        'background-opacity': 1,
        'border-width': 1,
        'border-color': '#9AA5B1',
        padding: '14px',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '360px',
        'font-size': 26,
        'font-weight': 600,
        'min-zoomed-font-size': 7,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        color: '#323F4B',
      },
    },
    { selector: 'node[type = "outside"]', style: { 'border-style': 'dashed', 'background-color': '#FBFBFC' } },
    // The grouped view's prison boxes: plain nodes under their inmates, not compound parents.
    {
      selector: 'node[side]',
      style: {
        width: 'data(side)',
        height: 'data(side)',
        'font-size': fromData<number>('labelSize'),
        'font-weight': 700,
        'text-max-width': '2000px',
        'text-wrap': 'none',
        'text-margin-y': -6,
        'min-zoomed-font-size': 0,
        'z-index-compare': 'manual',
        'z-index': 0,
      },
    },
    {
      selector: 'node[type = "prison-summary"], node[type = "outside-summary"]',
      style: {
        shape: 'round-rectangle',
        'background-color': '#52606D',
        color: '#1F2933',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        // Sized with the grid that holds the names (prison-elements.ts): one line for the short name,
        // one for the count when there is room; lines break only where the label says.
        'font-size': fromData<number>('labelSize'),
        'font-weight': 700,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '2000px',
      },
    },
    { selector: 'node[type = "outside-summary"]', style: { 'background-color': '#9AA5B1' } },
    {
      selector: 'node[type = "prison-summary"][?compact], node[type = "outside-summary"][?compact]',
      style: { 'background-opacity': 0.9 },
    },
    // Every edge kind has its own rules and no generic `edge` rule: each style property applied to an
    // element costs Cytoscape time on the first render (with compound prisons, the neighbours' caches
    // are dirtied per property), so an edge gets only the properties it needs. Cytoscape's default
    // curve is haystack, the cheapest it draws; only directed links need straight edges (arrows).
    // Colour, dash and width come from the data (elements.ts); solid, the default, is not set.
    // Links between people outside the core are left out of the overview (a hairball that hides the
    // prisons): zooming in (detail), a selected person or a highlighted chain bring them back.
    {
      selector: 'edge[kind]',
      style: { display: 'none', opacity: 0.35, 'line-color': 'data(color)', width: 'data(width)', 'z-index-compare': 'manual', 'z-index': 2 },
    },
    // The leader's links bend, each its own way (elements.ts): people sit at the heart of each box, on
    // the rows of the grid, and straight lines between them would run on top of one another.
    {
      selector: 'edge[kind][?backbone]',
      style: { display: 'element', opacity: 0.8, 'curve-style': 'unbundled-bezier', 'control-point-distances': fromData<number>('bend'), 'control-point-weights': 0.5 },
    },
    { selector: 'edge[kind].detail, edge[kind].highlighted, edge[kind].path', style: { display: 'element' } },
    // Dashes and arrows from the detail zoom on (detail-level.ts): zoomed out they are sub-pixel.
    { selector: 'edge[lineStyle].detail', style: { 'line-style': fromData<LineStyle>('lineStyle') } },
    {
      selector: 'edge[kind][?directed].detail',
      style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(color)', 'arrow-scale': 0.9 },
    },
    // The strongest ties between prisons (grouped view): a broad soft band from box to box.
    {
      selector: 'edge[type = "strong-pair"]',
      style: {
        'line-color': '#3E4C59',
        width: 'data(width)',
        opacity: 0.3,
        'curve-style': 'straight',
        // The count in graph units that read at the opening zoom, as the prison names (elements.ts).
        label: 'data(count)',
        'font-size': fromData<number>('countSize'),
        'font-weight': 700,
        color: '#1F2933',
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.85,
        'z-index-compare': 'manual',
        'z-index': 1,
      },
    },
    {
      selector: 'edge[type = "aggregate"]',
      style: { 'line-color': AGGREGATE_COLOUR, width: 'data(width)', opacity: fromData<number>('opacity') },
    },
    // Counts as labels only on the strongest pairs (aggregate-edges.ts) and on the links of the picked
    // prison: thousands of labels cost seconds and hide the prisons. The table of counts lists them all.
    {
      selector: 'edge[?labelled], edge.labelled',
      style: {
        label: 'data(count)',
        'font-size': 11,
        'min-zoomed-font-size': 8,
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.9,
      },
    },
    // Derived from stays, not recorded: a dotted purple line of its own.
    {
      selector: 'edge[type = "derived"]',
      style: { 'line-color': DERIVED_COLOUR, 'line-style': 'dotted', width: 2, opacity: 0.6 },
    },
    // A chain the analysis asked to show (a shortest path…).
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': PATH_COLOUR, 'z-index': 15 } },
    { selector: 'edge.path', style: { 'line-color': PATH_COLOUR, width: 4, opacity: 1, 'z-index': 15 } },
    // A selected person's links stand out; the rest of the network steps back.
    { selector: 'edge.faded', style: { opacity: 0.07 } },
    { selector: 'node[type = "person"].faded', style: { opacity: 0.35 } },
    { selector: 'edge.highlighted', style: { opacity: 1, 'z-index': 9 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#F5B700', 'z-index': 10 },
    },
    // The link picked on the network or the timeline: thicker, outlined in the selection's yellow.
    {
      selector: 'edge.chosen',
      style: { display: 'element', opacity: 1, 'underlay-color': '#F5B700', 'underlay-opacity': 0.9, 'underlay-padding': 4, 'z-index': 12 },
    },
    {
      selector: 'node[type = "person"]:selected',
      style: { 'font-size': 12, 'font-weight': 700, 'min-zoomed-font-size': 0, 'text-wrap': 'none', 'z-index': 20 },
    },
  ];
}
