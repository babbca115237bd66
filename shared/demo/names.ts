import type { AlternateName } from '../model/person';
import type { Random } from './random';

/**
 * Fictional names for demo inmates. Each entry lists the spellings one Arabic name takes in Spanish
 * records (transliterations vary: Mohamed / Mohammed / Muhammad), the usual one first, so that the
 * demo exercises the search that must find them all. Combinations are random; any likeness to a
 * real person is coincidence.
 */
const ARABIC_GIVEN: readonly (readonly string[])[] = [
  ['Mohamed', 'Mohammed', 'Muhammad', 'Mohammad'],
  ['Abderrahmane', 'Abderramane', 'Abderrahman', 'Abdurrahman'],
  ['Youssef', 'Yousef', 'Yusuf', 'Youcef'],
  ['Abdelkader', 'Abdelkadir', 'Abdul Qadir'],
  ['Said', 'Saïd', 'Saeed'],
  ['Rachid', 'Rashid', 'Rachide'],
  ['Hassan', 'Hasan'],
  ['Mustafa', 'Mostafa', 'Moustafa'],
  ['Ahmed', 'Ahmad', 'Hamed'],
  ['Omar', 'Umar', 'Omer'],
  ['Khalid', 'Khaled', 'Jalid'],
  ['Ibrahim', 'Brahim', 'Ebrahim'],
  ['Ismail', 'Smail', 'Ismael'],
  ['Abdelaziz', 'Abdulaziz', 'Abdelaaziz'],
  ['Karim', 'Kareem', 'Karin'],
  ['Hicham', 'Hisham', 'Hixam'],
  ['Tarik', 'Tariq', 'Tarek'],
  ['Soufiane', 'Sofiane', 'Sufian'],
  ['Anouar', 'Anwar', 'Anuar'],
  ['Bilal', 'Bilel'],
  ['Hamza', 'Hamsa'],
  ['Ayoub', 'Ayub', 'Ayyub'],
  ['Yassine', 'Yasin', 'Yacine'],
  ['Driss', 'Idris', 'Idriss'],
  ['Younes', 'Yunus', 'Younès'],
  ['Mourad', 'Murad'],
  ['Jamal', 'Djamal', 'Yamal'],
  ['Abdellah', 'Abdallah', 'Abdullah'],
  ['Zakaria', 'Zakariya', 'Zacarías'],
  ['Nabil', 'Nabile'],
  ['Redouane', 'Ridwan', 'Redouan'],
  ['Mehdi', 'Mahdi'],
];

const ARABIC_GIVEN_FEMALE: readonly (readonly string[])[] = [
  ['Fatima', 'Fátima', 'Fatma'],
  ['Khadija', 'Jadiya', 'Khadidja'],
  ['Amina', 'Amineh'],
  ['Naima', 'Naïma', 'Naema'],
  ['Souad', 'Suad'],
  ['Laila', 'Leila', 'Layla'],
  ['Samira', 'Samirah'],
  ['Hanane', 'Hanan'],
];

const ARABIC_SURNAMES: readonly (readonly string[])[] = [
  ['El Amrani', 'Amrani', 'El Amrany'],
  ['Benali', 'Ben Ali', 'Ben Alí'],
  ['Bouzid', 'Bouzide', 'Buzid'],
  ['Haddad', 'Hadad', 'El Haddad'],
  ['El Idrissi', 'Idrissi', 'El Idrisi'],
  ['Tahiri', 'Tahri', 'Taheri'],
  ['Azzouzi', 'Azouzi', 'El Azzouzi'],
  ['Chakir', 'Shakir', 'Chaquir'],
  ['El Khattabi', 'Khattabi', 'El Jattabi'],
  ['Bennani', 'Benani'],
  ['Mansouri', 'El Mansouri', 'Mansuri'],
  ['Zerouali', 'Zeroual', 'Zeruali'],
  ['Lahlou', 'Lahlu'],
  ['Ouali', 'Wali', 'El Ouali'],
  ['Belhaj', 'Bel Hadj', 'Belhadj'],
  ['Boukhari', 'Bukhari', 'El Boukhari'],
  ['El Fassi', 'Fassi', 'El Fasi'],
  ['Aberkane', 'Aberkan'],
  ['Cherkaoui', 'Charkaoui', 'Cherqaoui'],
  ['Rifi', 'El Rifi', 'Riffi'],
  ['Ziani', 'Ziyani'],
  ['Hamdaoui', 'Hamdaui', 'El Hamdaoui'],
  ['Saidi', 'Saïdi', 'Essaidi'],
  ['Benjelloun', 'Ben Jelloun', 'Benyelun'],
  ['Ouazzani', 'Wazzani', 'El Ouazzani'],
  ['El Ouardi', 'Ouardi', 'El Uardi'],
  ['Akhrif', 'Ajrif'],
  ['Boussaid', 'Bousaid', 'Bu Said'],
  ['Laaroussi', 'Laarousi', 'El Aroussi'],
  ['Mokhtari', 'Mojtari', 'El Mokhtari'],
];

const SPANISH_GIVEN = [
  'José', 'Antonio', 'Manuel', 'Francisco', 'David', 'Javier', 'Daniel', 'Carlos', 'Jesús', 'Alejandro',
  'Miguel', 'Rafael', 'Pedro', 'Sergio', 'Pablo', 'Jorge', 'Alberto', 'Raúl', 'Iván', 'Rubén',
] as const;
const SPANISH_GIVEN_FEMALE = ['María', 'Laura', 'Lucía', 'Cristina', 'Marta', 'Elena', 'Raquel', 'Sara'] as const;
const SPANISH_SURNAMES = [
  'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
  'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Torres',
  'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Serrano', 'Molina', 'Castro', 'Ortega', 'Delgado', 'Cano',
] as const;

/** Names a convert takes, and the first part of kunyas (Abu …, "father of …"). */
const ADOPTED_NAMES = ['Abdallah', 'Yusuf', 'Ibrahim', 'Omar', 'Bilal', 'Hamza', 'Suleiman', 'Yahya', 'Ismail', 'Anas'];
const KUNYA_NAMES = [
  'Hamza', 'Obaida', 'Musab', 'Suleiman', 'Yahya', 'Bakr', 'Omar', 'Khaled', 'Talha', 'Ilyas',
  'Anas', 'Hafs', 'Dujana', 'Zubair', 'Harith', 'Usama', 'Ayman', 'Muadh', 'Jarrah', 'Huthaifa',
];
const NISBAS = ['al-Maghribi', 'al-Andalusi', 'al-Tanji', 'al-Rifi', 'al-Sebti', 'al-Melili', 'al-Fasi', 'al-Tetuani'];
const NICKNAMES = ['El Tangerino', 'El Profesor', 'El Imam', 'El Largo', 'El Flaco', 'El Rubio', 'El Chino', 'El Sirio', 'El Médico', 'El Cordobés'];

export type NameOrigin = 'arabic' | 'spanish' | 'convert';

export interface GeneratedName {
  primaryName: string;
  alternateNames: AlternateName[];
  /** Which surname the person bears, so that a relative can share it. */
  surname: number;
}

function alt(name: string, kind: AlternateName['kind']): AlternateName {
  return { name, kind, sourceIds: [] };
}

/** The usual spelling most of the time, another one now and then, as clerks write them. */
function spelling(random: Random, forms: readonly string[]): string {
  return random.chance(0.75) ? forms[0]! : random.pick(forms);
}

export function kunya(random: Random): string {
  return random.chance(0.6) ? `Abu ${random.pick(KUNYA_NAMES)} ${random.pick(NISBAS)}` : `Abu ${random.pick(KUNYA_NAMES)}`;
}

export function surnameCount(origin: NameOrigin): number {
  return origin === 'arabic' ? ARABIC_SURNAMES.length : SPANISH_SURNAMES.length;
}

/**
 * A fictional name. `surname` (an index) makes a relative; `kunyaChance` is higher for the core of
 * the network, whose members use noms de guerre in their letters.
 */
export function makeName(
  random: Random,
  origin: NameOrigin,
  options: { female?: boolean; surname?: number; kunyaChance?: number } = {},
): GeneratedName {
  const alternateNames: AlternateName[] = [];
  const surname = options.surname ?? random.int(0, surnameCount(origin) - 1);
  let primaryName: string;
  if (origin === 'arabic') {
    const given = random.pick(options.female ? ARABIC_GIVEN_FEMALE : ARABIC_GIVEN);
    const family = ARABIC_SURNAMES[surname]!;
    const g = spelling(random, given);
    const f = spelling(random, family);
    primaryName = `${g} ${f}`;
    // One or two other spellings found in other records.
    const variants = random.chance(0.7) ? random.int(1, 2) : 0;
    for (let v = 0; v < variants; v += 1) {
      const other = `${random.pick(given)} ${random.pick(family)}`;
      if (other !== primaryName && !alternateNames.some((a) => a.name === other)) alternateNames.push(alt(other, 'spelling'));
    }
  } else {
    const given = random.pick(options.female ? SPANISH_GIVEN_FEMALE : SPANISH_GIVEN);
    primaryName = `${given} ${SPANISH_SURNAMES[surname]!} ${random.pick(SPANISH_SURNAMES)}`;
    if (origin === 'convert') alternateNames.push(alt(random.pick(ADOPTED_NAMES), 'alias'));
  }
  if (random.chance(options.kunyaChance ?? 0.12)) alternateNames.push(alt(kunya(random), 'kunya'));
  if (random.chance(0.05)) alternateNames.push(alt(random.pick(NICKNAMES), 'alias'));
  return { primaryName, alternateNames, surname };
}
