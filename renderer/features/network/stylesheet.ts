import type { EdgeSingular, StylesheetJson, StylesheetStyle } from 'cytoscape';
import { LINK_KINDS, ROLES } from '../../../shared/model';
import { LINK_STYLES, ROLE_STYLES } from './link-styles';

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
        width: ROLE_STYLES.recruit.size,
        height: ROLE_STYLES.recruit.size,
        'background-color': ROLE_STYLES.recruit.color,
        'border-width': 1.5,
        'border-color': '#FFFFFF',
        label: 'data(label)',
        'font-size': 9,
        'min-zoomed-font-size': 9,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
      },
    },
    ...ROLES.map((role): StylesheetStyle => ({
      selector: `node[type = "person"][role = "${role}"]`,
      style: { 'background-color': ROLE_STYLES[role].color, width: ROLE_STYLES[role].size, height: ROLE_STYLES[role].size },
    })),
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
      selector: 'edge',
      style: { 'curve-style': 'haystack', 'haystack-radius': 0, opacity: 0.35, width: 1.2, 'line-color': '#9AA5B1' },
    },
    ...LINK_KINDS.map((kind): StylesheetStyle => ({
      selector: `edge[kind = "${kind}"]`,
      style: { 'line-color': LINK_STYLES[kind].color, 'line-style': LINK_STYLES[kind].lineStyle, width: LINK_STYLES[kind].width },
    })),
    ...LINK_KINDS.map((kind): StylesheetStyle => ({
      selector: `edge[kind = "${kind}"][?directed]`,
      style: {
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': LINK_STYLES[kind].color,
        'arrow-scale': 0.9,
      },
    })),
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
