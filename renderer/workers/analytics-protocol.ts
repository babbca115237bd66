import { z } from 'zod';
import type { CoLocation } from '../../shared/graph';

/**
 * Messages between the page and the analytics worker. The worker keeps the case's network once
 * loaded, so that metrics, paths and what-ifs do not ship ten thousand people again each time.
 * Requests are checked on arrival (a malformed one is answered with `failed`, never half run).
 */

const id = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const networkSchema = z.object({
  personIds: z.array(id),
  links: z.array(
    z.object({
      source: id,
      target: id,
      weight: z.number().positive().optional(),
      directed: z.boolean().optional(),
      date: isoDate.optional(),
    }),
  ),
  /** [personId, prisonId] of the prison holding each person today. */
  prisonByPerson: z.array(z.tuple([id, id])),
});
export type AnalyticsNetwork = z.infer<typeof networkSchema>;

const requestId = z.number().int().nonnegative();

export const analyticsRequestSchema = z.discriminatedUnion('type', [
  /** Replaces the network the worker holds; a running metrics job is cancelled. */
  z.object({ type: z.literal('load'), network: networkSchema }),
  /** All metrics; betweenness is exact up to `exactLimit` people, a seeded estimate above. */
  z.object({ type: z.literal('metrics'), requestId, exactLimit: z.number().int().positive() }),
  z.object({ type: z.literal('cancel'), requestId }),
  z.object({ type: z.literal('paths'), requestId, from: id, to: id, maxPaths: z.number().int().positive().max(1000) }),
  z.object({
    type: z.literal('whatIf'),
    requestId,
    scenario: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('isolate'), personId: id }),
      z.object({ kind: z.literal('move'), personId: id, toPrison: id }),
    ]),
  }),
  z.object({
    type: z.literal('coLocations'),
    requestId,
    stays: z.array(z.object({ personId: id, prisonId: id, from: isoDate, to: isoDate.optional() })),
  }),
]);
export type AnalyticsRequest = z.infer<typeof analyticsRequestSchema>;
export type WhatIfRequestScenario = Extract<AnalyticsRequest, { type: 'whatIf' }>['scenario'];

/** The request, or undefined when the message is not one the worker understands. */
export function parseAnalyticsRequest(data: unknown): AnalyticsRequest | undefined {
  const parsed = analyticsRequestSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** The request id a malformed message carried, so its sender can be told it failed. */
export function requestIdOf(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null || !('requestId' in data)) return undefined;
  const value = (data as { requestId: unknown }).requestId;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

export type MetricsStage = 'betweenness' | 'closeness' | 'others';

/** Per-person values are aligned with `personIds` (the order of the loaded network). */
export interface NetworkMetrics {
  personIds: string[];
  degree: Float64Array;
  weightedDegree: Float64Array;
  betweenness: Float64Array;
  /** False for a sampled estimate: the UI must say that it is one. */
  betweennessExact: boolean;
  betweennessPivots: number;
  /** Undefined when the network is too large for an all-pairs pass (see `exactLimit`). */
  closeness: Float64Array | undefined;
  pageRank: Float64Array;
  eigenvector: Float64Array;
  /** Louvain community (0 = largest) per person. */
  community: Int32Array;
  communityCount: number;
  modularity: number;
  /** 1 for an articulation point (a person whose removal splits their part of the network). */
  articulation: Uint8Array;
  bridges: [string, string][];
  /** Prisons each community spans, largest community first. */
  communitySpread: { community: number; size: number; prisons: string[] }[];
  /** Cross-prison brokers, most prisons reached first. */
  brokers: { personId: string; otherPrisons: number; crossPrisonContacts: number }[];
}

export interface PathsResult {
  shortest: { distance: number | null; pathCount: number; paths: string[][]; truncated: boolean };
  /** The chain reaching the second person earliest, following dated links in date order. */
  timeRespecting: { people: string[]; dates: string[] } | null;
}

export interface SummaryOfNetwork {
  components: number;
  largestComponent: number;
  fragmentation: number;
  prisonSpread: number;
  largestComponentPrisonSpread: number;
  topBroker: { personId: string; otherPrisons: number; crossPrisonContacts: number } | null;
}

export interface WhatIfResult {
  before: SummaryOfNetwork;
  after: SummaryOfNetwork;
}

export type AnalyticsMessage =
  | { type: 'loaded'; people: number; linkedPairs: number }
  | { type: 'progress'; requestId: number; stage: MetricsStage; done: number; total: number }
  | { type: 'metrics'; requestId: number; metrics: NetworkMetrics }
  | { type: 'paths'; requestId: number; result: PathsResult }
  | { type: 'whatIf'; requestId: number; result: WhatIfResult }
  | { type: 'coLocations'; requestId: number; coLocations: CoLocation[] }
  | { type: 'cancelled'; requestId: number }
  /** `reason` is a message key of the analysis area, something the analyst can act on. */
  | { type: 'failed'; requestId: number | undefined; reason: AnalyticsFailure };

export type AnalyticsFailure = 'badRequest' | 'noNetwork' | 'unknownPerson' | 'internal';
