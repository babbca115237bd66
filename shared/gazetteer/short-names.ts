import type { GazetteerPrison } from './types';

/**
 * The name analysts use for each gazetteer prison: "Estremera", not "Centro Penitenciario Madrid VII
 * (Estremera)". Usage is not a rule over the official names (Madrid VII goes by its town, Murcia II
 * by its number), so it is written down per prison; short-names.test.ts keeps every one present,
 * distinct and short enough to label a prison on the network at its opening zoom.
 */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  'es-granada-albolote': 'Albolote',
  'es-algeciras': 'Botafuegos',
  'es-almeria': 'Almería',
  'es-cordoba': 'Córdoba',
  'es-huelva': 'Huelva',
  'es-jaen': 'Jaén',
  'es-malaga-1': 'Alhaurín',
  'es-malaga-2': 'Málaga II',
  'es-puerto-1': 'Puerto I',
  'es-puerto-2': 'Puerto II',
  'es-puerto-3': 'Puerto III',
  'es-sevilla-1': 'Sevilla I',
  'es-sevilla-2': 'Sevilla II',
  'es-hpp-sevilla': 'Psiq. Sevilla',
  'es-zaragoza-zuera': 'Zuera',
  'es-daroca': 'Daroca',
  'es-teruel': 'Teruel',
  'es-asturias-villabona': 'Villabona',
  'es-palma': 'Palma',
  'es-ibiza': 'Ibiza',
  'es-menorca': 'Menorca',
  'es-las-palmas-1': 'Las Palmas I',
  'es-las-palmas-2': 'Las Palmas II',
  'es-tenerife-2': 'Tenerife II',
  'es-lanzarote': 'Lanzarote',
  'es-la-palma': 'La Palma',
  'es-el-dueso': 'El Dueso',
  'es-albacete': 'Albacete',
  'es-alcazar-de-san-juan': 'Alcázar',
  'es-cuenca': 'Cuenca',
  'es-herrera-de-la-mancha': 'Herrera',
  'es-ocana-1': 'Ocaña I',
  'es-ocana-2': 'Ocaña II',
  'es-avila-brieva': 'Brieva',
  'es-burgos': 'Burgos',
  'es-leon-mansilla': 'Mansilla',
  'es-duenas-la-moraleja': 'La Moraleja',
  'es-topas': 'Topas',
  'es-segovia': 'Segovia',
  'es-soria': 'Soria',
  'es-valladolid-villanubla': 'Villanubla',
  'es-cat-brians-1': 'Brians 1',
  'es-cat-brians-2': 'Brians 2',
  'es-cat-quatre-camins': 'Quatre Camins',
  'es-cat-joves': 'Joves',
  'es-cat-lledoners': 'Lledoners',
  'es-cat-dones-barcelona': 'Wad-Ras',
  'es-cat-ponent': 'Ponent',
  'es-cat-mas-denric': "Mas d'Enric",
  'es-cat-puig-de-les-basses': 'Puig Basses',
  'es-alicante-1': 'Fontcalent',
  'es-alicante-2': 'Villena',
  'es-hpp-alicante': 'Psiq. Alicante',
  'es-castellon-1': 'Castellón I',
  'es-castellon-2': 'Castellón II',
  'es-valencia-picassent': 'Picassent',
  'es-badajoz': 'Badajoz',
  'es-caceres': 'Cáceres',
  'es-a-lama': 'A Lama',
  'es-teixeiro': 'Teixeiro',
  'es-lugo-bonxe': 'Bonxe',
  'es-lugo-monterroso': 'Monterroso',
  'es-ourense': 'Ourense',
  'es-madrid-1': 'Alcalá Mujeres',
  'es-madrid-2': 'Alcalá-Meco',
  'es-madrid-3': 'Valdemoro',
  'es-madrid-4': 'Navalcarnero',
  'es-madrid-5': 'Soto del Real',
  'es-madrid-6': 'Aranjuez',
  'es-madrid-7': 'Estremera',
  'es-murcia-1': 'Murcia I',
  'es-murcia-2': 'Murcia II',
  'es-pamplona-1': 'Pamplona',
  'es-eus-basauri': 'Basauri',
  'es-eus-martutene': 'Martutene',
  'es-eus-zaballa': 'Zaballa',
  'es-logrono': 'Logroño',
  'es-ceuta': 'Ceuta',
  'es-melilla': 'Melilla',
};

/** The longest short name a prison label may carry (characters). */
export const SHORT_NAME_MAX = 14;

/** Words that open most official names and tell an analyst nothing ("Centro Penitenciario de …"). */
const INSTITUTION_PREFIX = /^(?:Centro Penitenciario|Centre Penitenciari|Establecimiento Penitenciario|Prisión Provincial|Prisión)(?:\s+(?:de|del|d')\s*|\s+)/i;

/**
 * A prison's name as analysts say it: the gazetteer's for a gazetteer prison, else its own name
 * without the institutional prefix (a prison the analyst entered by hand keeps the words they chose).
 */
export function shortPrisonName(prison: { name: string; gazetteerId?: string | undefined }): string {
  const known = prison.gazetteerId ? SHORT_NAMES[prison.gazetteerId] : undefined;
  if (known) return known;
  const stripped = prison.name.replace(INSTITUTION_PREFIX, '').trim();
  return stripped || prison.name;
}

/** The short name written down for a gazetteer entry, if any (for the tests over the gazetteer). */
export function gazetteerShortName(entry: Pick<GazetteerPrison, 'id'>): string | undefined {
  return SHORT_NAMES[entry.id];
}
