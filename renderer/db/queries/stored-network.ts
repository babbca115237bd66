import type { Grading, IsoDate } from '../../../shared/model';
import type { CaseNetwork, NetworkLinkRecord } from './case-network';

/**
 * A case network as its cache row stores it (case-network-cache.ts): people and prisons as they are,
 * links and "who is where" as columns. The row of the 10k demo case held 13 MB of JSON as one
 * object per link, each repeating its field names and its two people's ids; opening, decoding and
 * parsing it was most of the page's work between the prison overview and the whole network. As
 * columns, a link's ends are indices into `persons`, its kind and grading indices into small tables,
 * and the text is about a third as long. Sealed like every row (renderer/db/vault): this is only its
 * shape, not a weaker form.
 */
export interface StoredNetwork {
  /** Tells this shape from the object-per-link shape of earlier builds, whose rows are recomputed. */
  shape: typeof STORED_NETWORK_SHAPE;
  case: CaseNetwork['case'];
  persons: CaseNetwork['persons'];
  prisons: CaseNetwork['prisons'];
  links: StoredLinks;
  /** Per person (same order as `persons`): index into `prisons` of their current prison, or -1. */
  prisonOf: number[];
  /** Per person: expected release date, or null. */
  releaseOf: (IsoDate | null)[];
}

/** The links, one column per field, all of the same length; null where a link has no value. */
interface StoredLinks {
  id: string[];
  kinds: string[];
  kind: number[];
  from: number[];
  to: number[];
  directed: boolean[];
  count: (number | null)[];
  date: (string | null)[];
  start: (string | null)[];
  end: (string | null)[];
  gradings: Grading[];
  grading: number[];
}

export const STORED_NETWORK_SHAPE = 'columns-1';

/** The network in its stored shape. Links must join people of the network (loadCaseNetwork's guarantee). */
export function storedNetwork(network: CaseNetwork): StoredNetwork {
  const personIndex = new Map(network.persons.map((p, i) => [p.id, i]));
  const prisonIndex = new Map(network.prisons.map((p, i) => [p.id, i]));
  const kinds = new Table<string>((k) => k);
  const gradings = new Table<Grading>((g) => `${g.reliability}${g.credibility}`);
  const n = network.links.length;
  const links: StoredLinks = { id: [], kinds: kinds.values, kind: [], from: [], to: [], directed: [], count: [], date: [], start: [], end: [], gradings: gradings.values, grading: [] };
  for (let i = 0; i < n; i += 1) {
    const link = network.links[i]!;
    const from = personIndex.get(link.fromId);
    const to = personIndex.get(link.toId);
    if (from === undefined || to === undefined) throw new RangeError(`link ${link.id} joins someone outside the network`);
    links.id.push(link.id);
    links.kind.push(kinds.indexOf(link.kind));
    links.from.push(from);
    links.to.push(to);
    links.directed.push(link.directed);
    links.count.push(link.count ?? null);
    links.date.push(link.date ?? null);
    links.start.push(link.from ?? null);
    links.end.push(link.to ?? null);
    links.grading.push(gradings.indexOf(link.grading));
  }
  return {
    shape: STORED_NETWORK_SHAPE,
    case: network.case,
    persons: network.persons,
    prisons: network.prisons,
    links,
    prisonOf: network.persons.map((p) => {
      const prisonId = network.currentPrisonByPerson.get(p.id);
      return prisonId === undefined ? -1 : (prisonIndex.get(prisonId) ?? -1);
    }),
    releaseOf: network.persons.map((p) => network.releaseByPerson.get(p.id) ?? null),
  };
}

/**
 * The network a stored row holds, or undefined when the row is not of this shape or does not hold
 * together (a row of an earlier build, or one cut short): the caller then reads the case instead.
 */
export function networkFromStored(value: unknown): CaseNetwork | undefined {
  if (!isStoredNetwork(value)) return undefined;
  const { persons, prisons, links: c } = value;
  const links: NetworkLinkRecord[] = new Array<NetworkLinkRecord>(c.id.length);
  for (let i = 0; i < c.id.length; i += 1) {
    const count = c.count[i];
    const date = c.date[i];
    const start = c.start[i];
    const end = c.end[i];
    links[i] = {
      id: c.id[i]!,
      kind: c.kinds[c.kind[i]!] as NetworkLinkRecord['kind'],
      fromId: persons[c.from[i]!]!.id,
      toId: persons[c.to[i]!]!.id,
      directed: c.directed[i]!,
      ...(count !== null && count !== undefined ? { count } : {}),
      ...(date !== null && date !== undefined ? { date: date as IsoDate } : {}),
      ...(start !== null && start !== undefined ? { from: start as IsoDate } : {}),
      ...(end !== null && end !== undefined ? { to: end as IsoDate } : {}),
      grading: c.gradings[c.grading[i]!]!,
    };
  }
  const currentPrisonByPerson = new Map<string, string>();
  const releaseByPerson = new Map<string, IsoDate>();
  for (let i = 0; i < persons.length; i += 1) {
    const prison = value.prisonOf[i]!;
    if (prison >= 0) currentPrisonByPerson.set(persons[i]!.id, prisons[prison]!.id);
    const release = value.releaseOf[i];
    if (release !== null && release !== undefined) releaseByPerson.set(persons[i]!.id, release);
  }
  return { case: value.case, persons, prisons, links, currentPrisonByPerson, releaseByPerson };
}

/** Indices into a list of distinct values, in the order first seen. */
class Table<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly keyOf: (value: T) => string) {}
  indexOf(value: T): number {
    const key = this.keyOf(value);
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.values.push(value) - 1;
      this.index.set(key, at);
    }
    return at;
  }
}

function isStoredNetwork(value: unknown): value is StoredNetwork {
  if (typeof value !== 'object' || value === null) return false;
  const n = value as Partial<Record<keyof StoredNetwork, unknown>>;
  if (n.shape !== STORED_NETWORK_SHAPE || typeof n.case !== 'object' || n.case === null) return false;
  if (!Array.isArray(n.persons) || !Array.isArray(n.prisons) || !Array.isArray(n.prisonOf) || !Array.isArray(n.releaseOf)) return false;
  const people = n.persons.length;
  const prisons = n.prisons.length;
  if (!n.persons.every((p: unknown) => typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string')) return false;
  if (!n.prisons.every((p: unknown) => typeof p === 'object' && p !== null && typeof (p as { id?: unknown }).id === 'string')) return false;
  if (n.prisonOf.length !== people || !n.prisonOf.every((i) => i === -1 || isIndex(i, prisons))) return false;
  if (n.releaseOf.length !== people || !n.releaseOf.every((d) => d === null || typeof d === 'string')) return false;
  return areStoredLinks(n.links, people);
}

function areStoredLinks(value: unknown, people: number): value is StoredLinks {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<Record<keyof StoredLinks, unknown>>;
  const columns = [c.id, c.kind, c.from, c.to, c.directed, c.count, c.date, c.start, c.end, c.grading];
  if (!columns.every(Array.isArray) || !Array.isArray(c.kinds) || !Array.isArray(c.gradings)) return false;
  const length = (c.id as unknown[]).length;
  if (!columns.every((column) => (column as unknown[]).length === length)) return false;
  const kinds = c.kinds.length;
  const gradings = c.gradings.length;
  return (
    c.kinds.every((k) => typeof k === 'string') &&
    c.gradings.every((g) => typeof g === 'object' && g !== null) &&
    (c.id as unknown[]).every((id) => typeof id === 'string') &&
    (c.kind as unknown[]).every((i) => isIndex(i, kinds)) &&
    (c.from as unknown[]).every((i) => isIndex(i, people)) &&
    (c.to as unknown[]).every((i) => isIndex(i, people)) &&
    (c.directed as unknown[]).every((d) => typeof d === 'boolean') &&
    (c.count as unknown[]).every((x) => x === null || typeof x === 'number') &&
    [c.date, c.start, c.end].every((column) => (column as unknown[]).every((d) => d === null || typeof d === 'string')) &&
    (c.grading as unknown[]).every((i) => isIndex(i, gradings))
  );
}

const isIndex = (value: unknown, length: number): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
