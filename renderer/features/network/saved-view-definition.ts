import { z } from 'zod';
import { LINK_KINDS, MONITORING_STATUSES, ROLES, isoDate } from '../../../shared/model';
import type { NetworkFilters } from '../../../shared/network/filters';
import type { NetworkStyling } from '../../network-model/styling';
import { NETWORK_VIEW_KINDS, type NetworkViewKind } from '../../network-model/view-kinds';

/** What a saved view keeps: the view, its filters and styling, opened prisons and pinned positions. */
export interface SavedViewDefinition {
  version: 1;
  view: NetworkViewKind;
  filters: NetworkFilters;
  styling: NetworkStyling;
  expandedPrisonNodes: string[];
  pinnedPositions: Record<string, { x: number; y: number }>;
}

const point = z.object({ x: z.number().finite(), y: z.number().finite() });

const definitionSchema = z.object({
  version: z.literal(1),
  view: z.enum(NETWORK_VIEW_KINDS),
  filters: z.object({
    linkKinds: z.array(z.enum(LINK_KINDS)),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    asOf: isoDate.optional(),
    monitoring: z.array(z.enum(MONITORING_STATUSES)),
    roles: z.array(z.enum(ROLES)),
    minGrading: z.string().regex(/^[A-F][1-6]$/).optional(),
    releaseWithinDays: z.number().int().min(0).max(36_500).optional(),
    hiddenPersonIds: z.array(z.string().max(128)).max(100_000),
    neighbourhood: z.object({ personId: z.string().max(128), hops: z.number().int().min(0).max(10) }).optional(),
  }),
  styling: z.object({
    sizeBy: z.enum(['role', 'degree', 'metric']),
    colourBy: z.enum(['role', 'prison', 'community']),
    releaseBadgeDays: z.number().int().min(0).max(36_500),
  }),
  expandedPrisonNodes: z.array(z.string().max(200)).max(10_000),
  pinnedPositions: z.record(z.string().max(200), point),
});

/**
 * A stored definition read back: checked again, since the database is written by other versions of
 * the app and its content is not trusted. Undefined when it does not fit (the view is then ignored).
 */
export function parseSavedViewDefinition(value: unknown): SavedViewDefinition | undefined {
  const parsed = definitionSchema.safeParse(value);
  return parsed.success ? (parsed.data as SavedViewDefinition) : undefined;
}
