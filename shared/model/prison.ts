import { z } from 'zod';
import { name, recordMeta } from './records';
import { PRISON_ADMINISTRATIONS, PRISON_KINDS } from './vocabulary';

/**
 * A prison (centro penitenciario). Prisons taken from the built-in gazetteer keep its id in
 * `gazetteerId` and get an id derived from the case and that id (see `gazetteerPrisonId`), so that
 * two workstations adding the same prison to a case create one record, not two.
 */
export const prisonSchema = z.object({
  ...recordMeta,
  name,
  town: z.string().max(200),
  province: z.string().max(200),
  region: z.string().max(200),
  administration: z.enum(PRISON_ADMINISTRATIONS),
  kind: z.enum(PRISON_KINDS),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  gazetteerId: z.string().max(128).optional(),
  modules: z.array(z.string().trim().min(1).max(100)).max(200),
});
export type Prison = z.infer<typeof prisonSchema>;

export function gazetteerPrisonId(caseId: string, gazetteerId: string): string {
  return `prison:${caseId}:${gazetteerId}`.toLowerCase().slice(0, 128);
}
