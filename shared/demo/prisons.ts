import { PRISONS_ES } from '../gazetteer/prisons-es.generated';
import type { GazetteerPrison } from '../gazetteer/types';
import type { Random } from './random';

/**
 * The 30 prisons of the default demo case: ordinary SGIP prisons of the regions the 2018 dispersal
 * of jihadist inmates used most (Madrid, Andalucía, Castilla y León, Castilla-La Mancha, the
 * Valencian Community …). Real facilities; the people in them are fictional.
 */
export const DISPERSAL_PRISON_IDS = [
  'es-madrid-2', 'es-madrid-3', 'es-madrid-4', 'es-madrid-5', 'es-madrid-6', 'es-madrid-7',
  'es-sevilla-2', 'es-puerto-3', 'es-cordoba', 'es-granada-albolote', 'es-huelva', 'es-algeciras',
  'es-malaga-2', 'es-almeria', 'es-jaen',
  'es-topas', 'es-valladolid-villanubla', 'es-duenas-la-moraleja', 'es-leon-mansilla', 'es-burgos', 'es-soria',
  'es-herrera-de-la-mancha', 'es-ocana-2', 'es-cuenca',
  'es-valencia-picassent', 'es-castellon-2', 'es-alicante-2',
  'es-murcia-2', 'es-zaragoza-zuera', 'es-teixeiro',
] as const;

/** Gazetteer prisons in the order larger demo cases take them: the 30, other ordinary SGIP, the rest. */
export function demoPrisonOrder(): GazetteerPrison[] {
  const chosen = new Set<string>(DISPERSAL_PRISON_IDS);
  const first = DISPERSAL_PRISON_IDS.map((id) => PRISONS_ES.find((p) => p.id === id)!);
  const ordinarySgip = PRISONS_ES.filter((p) => !chosen.has(p.id) && p.administration === 'SGIP' && p.kind === 'ordinary');
  const rest = PRISONS_ES.filter((p) => !chosen.has(p.id) && !(p.administration === 'SGIP' && p.kind === 'ordinary'));
  return [...first, ...ordinarySgip, ...rest];
}

export const ISOLATION_MODULE = 'Aislamiento';

/** Numbered modules (módulos) and the isolation unit where the most dangerous inmates are held. */
export function demoModules(random: Random): string[] {
  const count = random.int(8, 14);
  const modules: string[] = [];
  for (let m = 1; m <= count; m += 1) modules.push(`Módulo ${m}`);
  modules.push(ISOLATION_MODULE);
  return modules;
}
