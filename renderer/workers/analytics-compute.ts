import {
  allShortestPaths,
  betweennessJob,
  buildGraph,
  closenessJob,
  crossPrisonBrokers,
  cutPoints,
  degree,
  eigenvectorCentrality,
  louvain,
  pageRank,
  prisonSpread,
  runJobInSlices,
  timeRespectingPath,
  weightedDegree,
  whatIf,
  type CompactGraph,
  type JobProgress,
  type NetworkSummary,
  type PrisonOf,
} from '../../shared/graph';
import type {
  AnalyticsNetwork,
  MetricsStage,
  NetworkMetrics,
  PathsResult,
  SummaryOfNetwork,
  WhatIfRequestScenario,
  WhatIfResult,
} from './analytics-protocol';

/**
 * What the analytics worker computes, as plain functions over shared/graph so that they can be
 * tested without a worker. The worker only adds messages, slicing and cancellation.
 */

export interface LoadedNetwork {
  graph: CompactGraph;
  prisonOf: PrisonOf;
}

/** Throws `UnknownPersonError` for a link to a person not in the network. */
export function loadNetwork(network: AnalyticsNetwork): LoadedNetwork {
  const graph = buildGraph(network.personIds, network.links);
  const prisonByPerson = new Map(network.prisonByPerson);
  return { graph, prisonOf: graph.ids.map((personId) => prisonByPerson.get(personId)) };
}

/** Sampled sources for the betweenness estimate of a network above the exact limit. */
export const BETWEENNESS_PIVOTS = 500;

export interface MetricsControl {
  pause: () => Promise<void>;
  isCancelled: () => boolean;
  onProgress: (stage: MetricsStage, progress: JobProgress) => void;
}

/** Every metric of the table. Throws `JobCancelled` when cancelled between slices. */
export async function computeMetrics(
  { graph, prisonOf }: LoadedNetwork,
  exactLimit: number,
  control: MetricsControl,
): Promise<NetworkMetrics> {
  const n = graph.nodeCount;
  const exact = n <= exactLimit;
  const between = await runJobInSlices(
    betweennessJob(graph, exact ? {} : { samplePivots: BETWEENNESS_PIVOTS, seed: 1 }),
    { ...control, onProgress: (p) => control.onProgress('betweenness', p) },
  );
  // Closeness has no sampled form; above the limit an all-pairs pass would keep the analyst waiting.
  const close = exact
    ? await runJobInSlices(closenessJob(graph), { ...control, onProgress: (p) => control.onProgress('closeness', p) })
    : undefined;
  control.onProgress('others', { done: 0, total: 1 });

  const communities = louvain(graph, { seed: 1 });
  const cuts = cutPoints(graph);
  const articulation = new Uint8Array(n);
  for (const v of cuts.articulationPoints) articulation[v] = 1;
  const members: number[][] = Array.from({ length: communities.communityCount }, () => []);
  for (let v = 0; v < n; v++) members[communities.community[v]!]!.push(v);

  return {
    personIds: [...graph.ids],
    degree: degree(graph),
    weightedDegree: weightedDegree(graph),
    betweenness: between.values,
    betweennessExact: between.exact,
    betweennessPivots: between.pivots,
    closeness: close,
    pageRank: pageRank(graph).values,
    eigenvector: eigenvectorCentrality(graph).values,
    community: communities.community,
    communityCount: communities.communityCount,
    modularity: communities.modularity,
    articulation,
    bridges: cuts.bridges.map(([a, b]) => [graph.ids[a]!, graph.ids[b]!]),
    communitySpread: members.map((people, community) => ({
      community,
      size: people.length,
      prisons: prisonSpread(people, prisonOf).prisons,
    })),
    brokers: crossPrisonBrokers(graph, prisonOf).map((b) => ({
      personId: graph.ids[b.person]!,
      otherPrisons: b.otherPrisons,
      crossPrisonContacts: b.crossPrisonContacts,
    })),
  };
}

function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Undefined when either person is not in the loaded network. */
export function computePaths({ graph }: LoadedNetwork, from: string, to: string, maxPaths: number): PathsResult | undefined {
  const a = graph.indexOf.get(from);
  const b = graph.indexOf.get(to);
  if (a === undefined || b === undefined) return undefined;
  const shortest = allShortestPaths(graph, a, b, maxPaths);
  const journey = timeRespectingPath(graph, a, b);
  return {
    shortest: {
      distance: shortest.distance,
      pathCount: shortest.pathCount,
      paths: shortest.paths.map((path) => path.map((v) => graph.ids[v]!)),
      truncated: shortest.truncated,
    },
    timeRespecting: journey && {
      people: journey.people.map((v) => graph.ids[v]!),
      dates: journey.links.map((l) => isoOfDay(graph.links.day[l]!)),
    },
  };
}

function toSummary(graph: CompactGraph, summary: NetworkSummary): SummaryOfNetwork {
  const { topBroker, ...counts } = summary;
  return {
    ...counts,
    topBroker: topBroker && {
      personId: graph.ids[topBroker.person]!,
      otherPrisons: topBroker.otherPrisons,
      crossPrisonContacts: topBroker.crossPrisonContacts,
    },
  };
}

/** The network as it is and under the scenario. Works on the worker's copy: the case is untouched. */
export function computeWhatIf({ graph, prisonOf }: LoadedNetwork, scenario: WhatIfRequestScenario): WhatIfResult | undefined {
  const person = graph.indexOf.get(scenario.personId);
  if (person === undefined) return undefined;
  const comparison = whatIf(
    graph,
    prisonOf,
    scenario.kind === 'isolate' ? { kind: 'isolate', person } : { kind: 'move', person, toPrison: scenario.toPrison },
  );
  return { before: toSummary(graph, comparison.before), after: toSummary(graph, comparison.after) };
}
