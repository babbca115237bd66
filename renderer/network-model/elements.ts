import type { ElementDefinition } from 'cytoscape';
import { shortPrisonName } from '../../shared/gazetteer/short-names';
import { LINK_KINDS, ROLES, type IsoDate, type LinkKind } from '../../shared/model';
import { countPair, type AggregateLink } from './aggregate-edges';
import { isDueForRelease } from '../../shared/network/filters';
import { blockSide, LAPTOP_CANVAS, packPrisons, READABLE_PX, wideColumns, type Point, type PrisonBlock } from './layout';
import { LINK_STYLES } from './link-styles';
import {
  OUTSIDE_NODE_ID,
  personNodeId,
  prisonNodeId,
  type OpeningLevel,
  type NetworkInput,
  type NetworkLink,
  type NetworkPerson,
} from '../../shared/network/network-input';
import { DEFAULT_STYLING, paintPeople, widthFromCount, type AnalyticsOverlay, type ColourKey, type NetworkStyling, type PersonPaint } from './styling';
import type { NetworkViewKind } from './view-kinds';

/** What the view drew, for the status line and the legend (which must match the drawing). */
export interface NetworkSummary {
  level: OpeningLevel;
  view: NetworkViewKind;
  people: number;
  prisons: number;
  links: number;
  /** People drawn outside any prison (released, or no stay recorded). */
  outside: number;
  /** Link kinds drawn one by one, in vocabulary order. */
  kinds: LinkKind[];
  /** Prisons of the prison level opened into their people, and how many people that shows. */
  expandedPrisons: number;
  expandedPeople: number;
  /** Prison-to-prison (or person-to-prison) aggregated links are drawn. */
  aggregated: boolean;
  /** Aggregated pairs too faint to draw in a mesh of prisons (aggregate-edges.ts), listed only in the table. */
  undrawnAggregates: number;
  /** Person nodes drawn; what sizes and colours them, as actually drawn. */
  drawnPeople: number;
  sizeBy: NetworkStyling['sizeBy'];
  metricName?: string;
  colours: ColourKey[];
  /** People drawn with the release badge, and the window it stands for. */
  releaseSoon: number;
  releaseBadgeDays: number;
  /** Some drawn link stands for more than one letter, call or visit (and is drawn wider). */
  weightedLinks: boolean;
  /** Derived "same prison at the same time" links drawn. */
  derivedLinks: number;
  /** Prison pairs drawn as one band each, the strongest ties between prisons (grouped view). */
  strongestPairs?: number;
  /** Links between people outside the core drawn only when zoomed in or around a selected person. */
  quietLinks?: number;
}

export interface NetworkElements {
  elements: ElementDefinition[];
  summary: NetworkSummary;
  /** Links aggregated between groups, every pair (drawn or not) with its count: the table of counts. */
  pairs?: NamedPair[];
}

/** An aggregated pair and the names of its two ends (a prison, the "no prison" group, or a person). */
export interface NamedPair {
  source: string;
  target: string;
  count: number;
  sourceName: string;
  targetName: string;
}

export interface ElementLabels {
  /** Label of the group of people held in no prison. */
  outside: string;
  /** Numbers in labels (inmates per prison) in the UI locale. */
  formatNumber(value: number): string;
}

export interface ViewOptions {
  /** Which view; by default the one the case's size allows (people grouped, or prisons). */
  view?: NetworkViewKind;
  /** Node ids of the prison level's prisons (or the "no prison" group) to draw as their people. */
  expandedPrisonNodes?: ReadonlySet<string>;
  /** Node id → position, overriding computed ones (free layout, saved views). */
  positions?: ReadonlyMap<string, Point>;
  styling?: NetworkStyling;
  overlay?: AnalyticsOverlay;
  /** The workstation's date, for the release badge. */
  today?: IsoDate;
  /** "Held in the same prison at the same time" (analytics), drawn between people who are drawn. */
  derivedLinks?: readonly DerivedLink[];
}

export interface DerivedLink {
  personA: string;
  personB: string;
  prisonId: string;
}

/** Derived links between two drawn people, each pair and prison once, as their own kind of edge. */
export function derivedElements(derived: readonly DerivedLink[] | undefined, drawn: ReadonlySet<string>): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const seen = new Set<string>();
  for (const link of derived ?? []) {
    const id = `derived|${link.personA}|${link.personB}|${link.prisonId}`;
    if (seen.has(id) || !drawn.has(link.personA) || !drawn.has(link.personB)) continue;
    seen.add(id);
    elements.push({ group: 'edges', data: { id, source: personNodeId(link.personA), target: personNodeId(link.personB), type: 'derived', recordId: link.prisonId } });
  }
  return elements;
}

const ROLE_ORDER = new Map<string, number>(ROLES.map((role, i) => [role, i]));
export const byName = (a: string, b: string) => a.localeCompare(b, 'es');

export function sortedPrisons(input: NetworkInput) {
  return [...input.prisons].sort((a, b) => byName(a.name, b.name) || byName(a.id, b.id));
}

/** The links whose two ends are people of the case, each once. */
export function drawableLinks(input: NetworkInput) {
  const known = new Set(input.persons.map((p) => p.id));
  return input.links.filter((l) => l.fromId !== l.toId && known.has(l.fromId) && known.has(l.toId));
}

export function prisonOf(input: NetworkInput, prisonIds: ReadonlySet<string>, personId: string): string | undefined {
  const prisonId = input.currentPrisonByPerson.get(personId);
  return prisonId && prisonIds.has(prisonId) ? prisonId : undefined;
}

/** Distinct contacts of each person over the given links. */
export function degrees(links: readonly Pick<NetworkLink, 'fromId' | 'toId'>[]): Map<string, number> {
  const contacts = new Map<string, Set<string>>();
  const add = (a: string, b: string) => (contacts.get(a) ?? contacts.set(a, new Set()).get(a)!).add(b);
  for (const { fromId, toId } of links) {
    add(fromId, toId);
    add(toId, fromId);
  }
  return new Map([...contacts].map(([id, set]) => [id, set.size]));
}

export function byRoleThenName(a: NetworkPerson, b: NetworkPerson): number {
  return (ROLE_ORDER.get(a.role) ?? 99) - (ROLE_ORDER.get(b.role) ?? 99) || byName(a.primaryName, b.primaryName);
}

/** Paint, badges and legend keys for the people a view draws: one place for every view. */
export function paintFor(
  input: NetworkInput,
  drawn: readonly NetworkPerson[],
  links: readonly NetworkLink[],
  options: ViewOptions,
) {
  const styling = options.styling ?? DEFAULT_STYLING;
  const prisonNames = new Map(input.prisons.map((p) => [p.id, p.name]));
  const painted = paintPeople(
    drawn,
    degrees(links),
    (personId) => {
      const prisonId = input.currentPrisonByPerson.get(personId);
      const name = prisonId ? prisonNames.get(prisonId) : undefined;
      return prisonId && name ? { id: prisonId, name } : undefined;
    },
    styling,
    options.overlay ?? {},
  );
  const releasing = new Set<string>();
  if (options.today) {
    for (const p of drawn) {
      if (isDueForRelease(input.releaseByPerson?.get(p.id), options.today, styling.releaseBadgeDays)) releasing.add(p.id);
    }
  }
  return { ...painted, releasing, styling };
}

/**
 * Where a person is drawn: inside a compound prison node (`parent`, an opened prison of the prison
 * level), or over a prison's box without being its child (`prison`, the grouped view: a compound
 * parent re-measures its box for every style change of every child, most of a first drawing's time).
 */
export type PersonPlace = { parent: string } | { prison: string } | undefined;

/** The leader's name, in graph units, where no prison box sets the scale (free view, opened prisons). */
export const LEADER_LABEL_SIZE = 24;

export function personElement(person: NetworkPerson, place: PersonPlace, position: Point, paint: PersonPaint, releasing: boolean): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: personNodeId(person.id),
      ...place,
      type: 'person',
      recordId: person.id,
      label: person.primaryName,
      role: person.role,
      monitoring: person.monitoring,
      size: paint.size,
      color: paint.color,
      // The leader is named at every zoom (stylesheet.ts), in graph units that read at the opening zoom.
      ...(person.role === 'leader' ? { labelSize: LEADER_LABEL_SIZE } : {}),
      ...(releasing ? { releasing: true } : {}),
    },
    position,
  };
}

/**
 * The leaders: their links are drawn at every zoom (the network's backbone, the leader's reach
 * across prisons). The core stands out by size and colour; drawing every link among it too was
 * a hairball again from 1,000 people on (hundreds of core-to-core links), so those wait for a
 * closer look like the rest.
 */
export function leadingPeople(persons: readonly NetworkPerson[]): Set<string> {
  return new Set(persons.filter((p) => p.role === 'leader').map((p) => p.id));
}

/** A bend for a core link, stable for its id: ±30 to ±90 graph units, alternating sides. */
export function bendOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  const magnitude = 30 + (Math.abs(hash) % 61);
  return hash & 1 ? magnitude : -magnitude;
}

export function linkElement(link: NetworkLink, leading: ReadonlySet<string>): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: `link|${link.id}`,
      // A leader's link: drawn at every zoom. Any other link waits for a closer look.
      ...(leading.has(link.fromId) || leading.has(link.toId) ? { backbone: true, bend: bendOf(link.id) } : {}),
      source: personNodeId(link.fromId),
      target: personNodeId(link.toId),
      kind: link.kind,
      directed: link.directed,
      recordId: link.id,
      count: link.count ?? 1,
      color: LINK_STYLES[link.kind].color,
      // Solid is Cytoscape's default: only other line styles are set (one style property less per link).
      ...(LINK_STYLES[link.kind].lineStyle !== 'solid' ? { lineStyle: LINK_STYLES[link.kind].lineStyle } : {}),
      width: widthFromCount(LINK_STYLES[link.kind].width, link.count),
    },
  };
}

export function kindsOf(links: readonly NetworkLink[]): LinkKind[] {
  const kinds = new Set(links.map((l) => l.kind));
  return LINK_KINDS.filter((k) => kinds.has(k));
}

/** The people of each prison (and of the "no prison" group), leader and core first, and where their boxes go. */
function peopleInPrisons(input: NetworkInput, grouped: boolean) {
  const prisons = sortedPrisons(input);
  const prisonIds = new Set(prisons.map((p) => p.id));
  const members = new Map<string, NetworkPerson[]>();
  for (const person of input.persons) {
    const group = prisonOf(input, prisonIds, person.id) ?? OUTSIDE_NODE_ID;
    const list = members.get(group) ?? [];
    list.push(person);
    members.set(group, list);
  }
  for (const list of members.values()) list.sort(byRoleThenName);
  const outside = members.get(OUTSIDE_NODE_ID) ?? [];
  // The free view draws only prisons that hold someone drawn; the grouped view shows every prison of the case.
  const shownPrisons = grouped ? prisons : prisons.filter((p) => members.has(p.id));
  const blocks: PrisonBlock[] = shownPrisons.map((p) => ({
    id: prisonNodeId(p.id),
    memberIds: (members.get(p.id) ?? []).map((m) => personNodeId(m.id)),
  }));
  if (outside.length > 0) blocks.push({ id: OUTSIDE_NODE_ID, memberIds: outside.map((m) => personNodeId(m.id)) });
  const layout = packPrisons(blocks, grouped ? wideColumns(blocks.length) : undefined);
  return { prisons, prisonIds, members, outside, shownPrisons, blocks, layout };
}

/** The grouped view's prison names: the largest size at which they read at the opening zoom and keep apart on their row. */
function groupedNameSize(placed: ReturnType<typeof peopleInPrisons>, labels: ElementLabels): number {
  const { shownPrisons, outside, blocks, layout } = placed;
  const size = prisonLabelSize(layout.prisons.values(), Math.max(...blocks.map((b) => blockSide(b.memberIds.length))));
  const shownNames = shownPrisons.map((p) => ({ at: layout.prisons.get(prisonNodeId(p.id))!, label: shortPrisonName(p) }));
  if (outside.length > 0) shownNames.push({ at: layout.prisons.get(OUTSIDE_NODE_ID)!, label: labels.outside });
  return sizeKeepingNamesApart(shownNames, size);
}

/**
 * Whether the grouped view names its prisons legibly (READABLE_PX) when fitted to a laptop's canvas.
 * When it cannot (some fifty prisons of a thousand people: each box must hold its inmates, and the
 * names of neighbouring boxes share its width), a case opens on its prisons instead, where the grid
 * is sized around the names (prison-elements.ts); its people are a click away.
 */
export function groupedNamesRead(input: NetworkInput, labels: ElementLabels): boolean {
  const placed = peopleInPrisons(input, true);
  if (placed.blocks.length === 0) return true;
  const labelSize = groupedNameSize(placed, labels);
  let box: { x1: number; y1: number; x2: number; y2: number } | undefined;
  placed.blocks.forEach((block) => {
    const at = placed.layout.prisons.get(block.id)!;
    const half = blockSide(block.memberIds.length) / 2;
    const [x1, y1, x2, y2] = [at.x - half, at.y - half - labelSize * 1.5, at.x + half, at.y + half];
    box = box ? { x1: Math.min(box.x1, x1), y1: Math.min(box.y1, y1), x2: Math.max(box.x2, x2), y2: Math.max(box.y2, y2) } : { x1, y1, x2, y2 };
  });
  const { width, height, padding } = LAPTOP_CANVAS;
  const zoom = Math.min((width - 2 * padding) / (box!.x2 - box!.x1), (height - 2 * padding) / (box!.y2 - box!.y1));
  return zoom * labelSize >= READABLE_PX;
}

/** The people views (grouped in prisons, or free): one node per person. */
export function buildPeopleLevel(input: NetworkInput, labels: ElementLabels, options: ViewOptions & { view: NetworkViewKind }): NetworkElements {
  const grouped = options.view === 'grouped';
  const placed = peopleInPrisons(input, grouped);
  const { prisons, prisonIds, members, outside, shownPrisons, layout } = placed;
  const links = drawableLinks(input);
  const leading = leadingPeople(input.persons);
  const painted = paintFor(input, input.persons, links, options);
  const at = (id: string, fallback: Point) => options.positions?.get(id) ?? fallback;

  const elements: ElementDefinition[] = [];
  let pairs: NamedPair[] | undefined;
  let strongest: ElementDefinition[] = [];
  let labelSize = LEADER_LABEL_SIZE;
  if (grouped) {
    labelSize = groupedNameSize(placed, labels);
    const box = (id: string, members: number) => ({ id, side: Math.round(blockSide(members)), labelSize });
    for (const prison of shownPrisons) {
      const id = prisonNodeId(prison.id);
      const data = { ...box(id, members.get(prison.id)?.length ?? 0), type: 'prison', recordId: prison.id, label: shortPrisonName(prison), fullName: prison.name };
      elements.push({ group: 'nodes', data, position: layout.prisons.get(id)! });
    }
    if (outside.length > 0) {
      const data = { ...box(OUTSIDE_NODE_ID, outside.length), type: 'outside', label: labels.outside, fullName: labels.outside };
      elements.push({ group: 'nodes', data, position: layout.prisons.get(OUTSIDE_NODE_ID)! });
    }
    const between = pairsBetweenPrisons(links, (personId) => {
      const prisonId = prisonOf(input, prisonIds, personId);
      return prisonId ? prisonNodeId(prisonId) : OUTSIDE_NODE_ID;
    });
    const names = new Map<string, string>(shownPrisons.map((p) => [prisonNodeId(p.id), shortPrisonName(p)]));
    names.set(OUTSIDE_NODE_ID, labels.outside);
    pairs = [...between].map((pair) => ({ ...pair, sourceName: names.get(pair.source) ?? pair.source, targetName: names.get(pair.target) ?? pair.target }));
    strongest = strongestPairElements(between, Math.round(labelSize * 0.8));
  }
  for (const [group, list] of members) {
    const place: PersonPlace = !grouped ? undefined : { prison: group === OUTSIDE_NODE_ID ? OUTSIDE_NODE_ID : prisonNodeId(group) };
    for (const person of list) {
      const id = personNodeId(person.id);
      const element = personElement(person, place, at(id, layout.inmates.get(id)!), painted.paint.get(person.id)!, painted.releasing.has(person.id));
      if (person.role === 'leader') element.data.labelSize = labelSize;
      elements.push(element);
    }
  }
  elements.push(...strongest);
  let backbone = 0;
  for (const link of links) {
    const element = linkElement(link, leading);
    if (element.data.backbone) backbone += 1;
    elements.push(element);
  }
  const derived = derivedElements(options.derivedLinks, new Set(input.persons.map((p) => p.id)));
  elements.push(...derived);
  return {
    elements,
    ...(pairs ? { pairs } : {}),
    summary: {
      ...(grouped ? { strongestPairs: strongest.length } : {}),
      quietLinks: links.length - backbone,
      level: 'people',
      view: options.view,
      people: input.persons.length,
      prisons: prisons.length,
      links: links.length,
      outside: outside.length,
      kinds: kindsOf(links),
      expandedPrisons: 0,
      expandedPeople: 0,
      aggregated: false,
      undrawnAggregates: 0,
      drawnPeople: input.persons.length,
      sizeBy: painted.effective.sizeBy,
      ...(painted.effective.sizeBy === 'metric' && options.overlay?.metric ? { metricName: options.overlay.metric.name } : {}),
      colours: painted.colours,
      releaseSoon: painted.releasing.size,
      releaseBadgeDays: painted.styling.releaseBadgeDays,
      weightedLinks: links.some((l) => (l.count ?? 1) > 1),
      derivedLinks: derived.length,
    },
  };
}

/** How many prison pairs the grouped view draws as a band: the strongest ties, not a mesh of all of them. */
export const STRONGEST_PAIRS = 12;

/** Links between people of two different groups, counted once per pair of groups. */
export function pairsBetweenPrisons(links: readonly NetworkLink[], groupOf: (personId: string) => string): AggregateLink[] {
  const between = new Map<string, AggregateLink>();
  for (const link of links) {
    const a = groupOf(link.fromId);
    const b = groupOf(link.toId);
    if (a !== b) countPair(between, a, b);
  }
  return [...between.values()];
}

/**
 * The STRONGEST_PAIRS pairs of prisons with the most links between their inmates (at least two),
 * each as one band from box to box, as wide as its share of the strongest: the ties between
 * prisons that stand out of the mesh. Every pair's count is in the legend's table.
 */
export function strongestPairElements(between: readonly AggregateLink[], countSize: number): ElementDefinition[] {
  const chosen = between
    .filter((pair) => pair.count >= 2)
    .sort((a, b) => b.count - a.count || (a.source + a.target < b.source + b.target ? -1 : 1))
    .slice(0, STRONGEST_PAIRS);
  const most = chosen[0]?.count ?? 1;
  return chosen.map((pair) => ({
    group: 'edges',
    data: { id: `pair|${pair.source}~${pair.target}`, source: pair.source, target: pair.target, type: 'strong-pair', count: pair.count, width: Math.round(4 + 14 * (pair.count / most)), countSize },
  }));
}

/** A bold letter's average advance in em (DejaVu Sans Bold, the widest common sans: 0.53–0.67 over the short names). */
export const BOLD_LETTER_EM = 0.62;
/** Room kept between two neighbouring names, in em. */
const NAME_GAP_EM = 0.5;

/**
 * The largest font size up to `size` at which no two prison names on one row of the grid run into
 * each other: neighbours' centres are one column apart, and two long names side by side
 * ("Navalcarnero", "Soto del Real") need more than that at the size that suits a short one.
 */
export function sizeKeepingNamesApart(names: readonly { at: Point; label: string }[], size: number): number {
  const rows = new Map<number, { at: Point; label: string }[]>();
  for (const name of names) {
    const row = rows.get(name.at.y);
    if (row) row.push(name);
    else rows.set(name.at.y, [name]);
  }
  let fitting = size;
  for (const row of rows.values()) {
    row.sort((a, b) => a.at.x - b.at.x);
    for (let i = 1; i < row.length; i++) {
      const left = row[i - 1]!;
      const right = row[i]!;
      const ems = ((left.label.length + right.label.length) / 2) * BOLD_LETTER_EM + NAME_GAP_EM;
      fitting = Math.min(fitting, (right.at.x - left.at.x) / ems);
    }
  }
  return Math.floor(fitting);
}

/**
 * Font size of the prison names in graph units: the drawing opens fitted to its canvas, so a
 * name is legible at that zoom (about 14 px on a 1,000 px wide canvas) when it is this share of
 * the drawing's width, whatever the number of prisons.
 */
export function prisonLabelSize(centres: Iterable<Point>, side: number): number {
  let left = Infinity;
  let right = -Infinity;
  for (const { x } of centres) {
    left = Math.min(left, x);
    right = Math.max(right, x);
  }
  const width = (Number.isFinite(left) ? right - left : 0) + side;
  return Math.round(Math.min(160, Math.max(26, width / 70)));
}
