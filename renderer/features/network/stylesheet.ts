import type { EdgeSingular, StylesheetJson } from 'cytoscape';
import type { LineStyle } from './link-styles';
import { DERIVED_COLOUR, PATH_COLOUR, RELEASE_BADGE_COLOUR } from './legend-entries';

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
      style: { 'font-family': FONT, color: '#1F2933', 'text-wrap': 'ellipsis', 'text-max-width': '78px' },
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
        label: 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 9,
        'text-valign': 'bottom',
        'text-margin-y': 3,
      },
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
    {
      selector: 'node[type = "prison-summary"], node[type = "outside-summary"]',
      style: {
        shape: 'round-rectangle',
        'background-color': '#52606D',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-size': 22,
        'min-zoomed-font-size': 7,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '180px',
      },
    },
    { selector: 'node[type = "outside-summary"]', style: { 'background-color': '#9AA5B1' } },
    {
      selector: 'node[type = "prison-summary"][?compact], node[type = "outside-summary"][?compact]',
      style: { 'font-size': 11, 'text-max-width': '120px', 'background-opacity': 0.9 },
    },
    {
      selector: 'edge',
      style: { 'curve-style': 'haystack', 'haystack-radius': 0, opacity: 0.35, width: 1.2, 'line-color': '#9AA5B1' },
    },
    // One rule per property source, not per link kind: with thousands of edges every selector
    // matched costs time on the first render. Colour, dash and width come from the data (elements.ts).
    {
      selector: 'edge[kind]',
      style: { 'line-color': 'data(color)', 'line-style': fromData<LineStyle>('lineStyle'), width: 'data(width)' },
    },
    {
      selector: 'edge[kind][?directed]',
      style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(color)', 'arrow-scale': 0.9 },
    },
    {
      selector: 'edge[type = "aggregate"]',
      style: {
        'line-color': '#52606D',
        width: 'data(width)',
        // The typings accept only numbers or functions for opacity; the value comes from the element.
        opacity: (edge: EdgeSingular) => Number(edge.data('opacity')),
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
    {
      selector: 'node[type = "person"]:selected',
      style: { 'font-size': 12, 'font-weight': 700, 'min-zoomed-font-size': 0, 'text-wrap': 'none', 'z-index': 20 },
    },
  ];
}
