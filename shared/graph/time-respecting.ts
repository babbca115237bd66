import type { CompactGraph } from './compact-graph';

/**
 * A time-respecting path from A to B is a chain of dated links A→…→B whose dates never go back:
 * each link is dated on or after the one before it (the same day counts: a message can be passed
 * on the day it arrives). It answers "could something have travelled from A to B through these
 * letters and calls, in the order they happened?". Directed links are followed only from writer
 * to recipient; undirected links either way; undated links are not followed at all.
 */
export interface TimeRespectingPath {
  /** Person indices from source to target. */
  people: number[];
  /** Link indices (into `graph.links`) taken, one per step. */
  links: number[];
  /** Day number (days since 1970-01-01) of the last link: the earliest possible arrival. */
  arrivalDay: number;
}

export interface EarliestArrival {
  /** Earliest day each person can be reached; −Infinity for the source, +Infinity if never. */
  arrivalDay: Float64Array;
  /** The link by which each person was first reached (−1 for the source and the unreached). */
  viaLink: Int32Array;
  viaPerson: Int32Array;
}

/**
 * Earliest arrival ("foremost" journeys) from one person: links are scanned once in date order;
 * links of the same day are explored breadth first so chains within one day are found too.
 * `notBefore` ignores links dated before that day.
 */
export function earliestArrival(graph: CompactGraph, source: number, notBefore = -Infinity): EarliestArrival {
  const n = graph.nodeCount;
  const { source: linkSource, target: linkTarget, directed, day } = graph.links;
  const arrivalDay = new Float64Array(n).fill(Infinity);
  const viaLink = new Int32Array(n).fill(-1);
  const viaPerson = new Int32Array(n).fill(-1);
  arrivalDay[source] = -Infinity;

  const dated: number[] = [];
  for (let l = 0; l < day.length; l++) if (!Number.isNaN(day[l]!) && day[l]! >= notBefore) dated.push(l);
  dated.sort((a, b) => day[a]! - day[b]! || a - b);

  const steps = new Map<number, { link: number; to: number }[]>();
  for (let start = 0; start < dated.length; ) {
    const today = day[dated[start]!]!;
    let end = start;
    while (end < dated.length && day[dated[end]!] === today) end++;
    // The day's links as steps from each person; then a breadth-first search from everyone
    // already reached.
    steps.clear();
    const addStep = (from: number, to: number, link: number) => {
      const list = steps.get(from);
      if (list) list.push({ link, to });
      else steps.set(from, [{ link, to }]);
    };
    for (let i = start; i < end; i++) {
      const l = dated[i]!;
      addStep(linkSource[l]!, linkTarget[l]!, l);
      if (!directed[l]) addStep(linkTarget[l]!, linkSource[l]!, l);
    }
    const queue: number[] = [];
    for (const from of steps.keys()) if (arrivalDay[from]! <= today) queue.push(from);
    queue.sort((a, b) => arrivalDay[a]! - arrivalDay[b]! || a - b);
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head]!;
      for (const { link, to } of steps.get(from) ?? []) {
        if (arrivalDay[to]! > today) {
          arrivalDay[to] = today;
          viaLink[to] = link;
          viaPerson[to] = from;
          queue.push(to);
        }
      }
    }
    start = end;
  }
  return { arrivalDay, viaLink, viaPerson };
}

/** The time-respecting path reaching `target` earliest, or null when none exists. */
export function timeRespectingPath(
  graph: CompactGraph,
  source: number,
  target: number,
  notBefore = -Infinity,
): TimeRespectingPath | null {
  if (source === target) return { people: [source], links: [], arrivalDay: -Infinity };
  const { arrivalDay, viaLink, viaPerson } = earliestArrival(graph, source, notBefore);
  if (arrivalDay[target] === Infinity) return null;
  const people = [target];
  const links: number[] = [];
  for (let v = target; v !== source; v = viaPerson[v]!) {
    links.push(viaLink[v]!);
    people.push(viaPerson[v]!);
  }
  return { people: people.reverse(), links: links.reverse(), arrivalDay: arrivalDay[target]! };
}
