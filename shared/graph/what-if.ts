import { withoutEdgesOf, type CompactGraph } from './compact-graph';
import { connectedComponents, fragmentation } from './components';
import { crossPrisonBrokers, prisonSpread, type PrisonBroker, type PrisonOf } from './prison-spread';

export type WhatIfScenario =
  /** Cut every link of the person (held in isolation, or removed from the network). */
  | { kind: 'isolate'; person: number }
  /** Transfer the person to another prison, links unchanged. */
  | { kind: 'move'; person: number; toPrison: string };

export interface NetworkSummary {
  components: number;
  largestComponent: number;
  /** 1 − Σ sᵢ(sᵢ−1) / (n(n−1)) over component sizes sᵢ; n counts everyone, isolated people too. */
  fragmentation: number;
  /** Distinct prisons holding someone with at least one link. */
  prisonSpread: number;
  /** Distinct prisons the largest component spans. */
  largestComponentPrisonSpread: number;
  /** The top cross-prison broker (see `crossPrisonBrokers`), null when nobody links prisons. */
  topBroker: PrisonBroker | null;
}

export interface WhatIfComparison {
  scenario: WhatIfScenario;
  before: NetworkSummary;
  after: NetworkSummary;
}

/** Summarises the network as it is and as it would be under the scenario; the case is not changed. */
export function whatIf(graph: CompactGraph, prisonOf: PrisonOf, scenario: WhatIfScenario): WhatIfComparison {
  const before = summarise(graph, prisonOf);
  const after =
    scenario.kind === 'isolate'
      ? summarise(withoutEdgesOf(graph, scenario.person), prisonOf)
      : summarise(graph, prisonOf.map((p, v) => (v === scenario.person ? scenario.toPrison : p)));
  return { scenario, before, after };
}

export function summarise(graph: CompactGraph, prisonOf: PrisonOf): NetworkSummary {
  const { component, sizes } = connectedComponents(graph);
  const linked: number[] = [];
  const largest: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (graph.offsets[v + 1]! > graph.offsets[v]!) linked.push(v);
    if (component[v] === 0) largest.push(v);
  }
  return {
    components: sizes.length,
    largestComponent: sizes[0] ?? 0,
    fragmentation: fragmentation(sizes),
    prisonSpread: prisonSpread(linked, prisonOf).count,
    largestComponentPrisonSpread: prisonSpread(largest, prisonOf).count,
    topBroker: crossPrisonBrokers(graph, prisonOf)[0] ?? null,
  };
}
