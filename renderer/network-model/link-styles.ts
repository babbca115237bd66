import type { LinkKind, Role } from '../../shared/model';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface LinkStyle {
  color: string;
  lineStyle: LineStyle;
  width: number;
}

/**
 * How each kind of link is drawn: the one table the graph stylesheet and the legend both read, so
 * the legend always says what the drawing shows. Colours from the Okabe–Ito palette (readable with
 * the common colour-vision deficiencies), with line style as a second cue.
 */
export const LINK_STYLES: Record<LinkKind, LinkStyle> = {
  letter: { color: '#0072B2', lineStyle: 'solid', width: 2 },
  call: { color: '#56B4E9', lineStyle: 'dashed', width: 2 },
  visit: { color: '#009E73', lineStyle: 'dotted', width: 2.5 },
  shared_module: { color: '#8C96A3', lineStyle: 'solid', width: 1.5 },
  co_defendant: { color: '#CC79A7', lineStyle: 'dashed', width: 2 },
  family: { color: '#E69F00', lineStyle: 'solid', width: 2 },
  recruitment: { color: '#D55E00', lineStyle: 'dashed', width: 2.5 },
  leadership: { color: '#7A1F3D', lineStyle: 'solid', width: 3 },
  other: { color: '#A9A9A9', lineStyle: 'dotted', width: 1.5 },
};

/** SVG dash pattern matching Cytoscape's line styles, for the legend's samples. */
export const SVG_DASH: Record<LineStyle, string | undefined> = { solid: undefined, dashed: '6 4', dotted: '1.5 3' };

export interface RoleStyle {
  color: string;
  size: number;
}

/** Leaders and the core stand out; everyone else stays calm slate so links carry the colour. */
export const ROLE_STYLES: Record<Role, RoleStyle> = {
  leader: { color: '#7A1F3D', size: 48 },
  core: { color: '#C0392B', size: 28 },
  recruit: { color: '#7B8794', size: 14 },
  contact: { color: '#A7B1BE', size: 12 },
  unknown: { color: '#BCC5CF', size: 12 },
};
