/**
 * Names written in Arabic script, read as the Latin spellings they are transliterated to, so that
 * the phonetic key (arabic-name-key.ts) of يوسف is the key of Youssef, Yusuf and Yousef, and محمد's
 * that of Mohamed and Muhammad. Arabic writes consonants and long vowels; the short vowels are not
 * written (and folding drops them where they are). So:
 * - ا ى ة are the vowel a; و and ي are the vowels u and i after a consonant, the consonants w and y
 *   at the start of a word or after a vowel;
 * - two consonants in a row get a vowel between them (its quality does not matter to the key, which
 *   reduces every vowel inside a word to one);
 * - a word that opens with a vowel (ا أ إ آ, or ع / ء, which Latin spellings drop) keeps its first
 *   vowel's class in the key (Omar ≠ Ammar), and the script does not say which: every reading is
 *   given (أ a or u, إ i, the others a, i or u);
 * - the article ال is read joined (alhasani) and left out (hasani), as Latin spellings do both;
 *   عبد is "abd", so that عبد القادر keys like Abdelkader's parts.
 */
const CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  پ: 'p', گ: 'g', ڤ: 'v', چ: 'ch', ک: 'k', ی: 'y',
};
const LONG_A = new Set(['ا', 'ى', 'ة', 'آ', 'أ', 'إ']);
const GLOTTAL = new Set(['ع', 'ء', 'ؤ', 'ئ']);
const OPENING_VOWELS: Readonly<Record<string, readonly string[]>> = { أ: ['a', 'u'], إ: ['i'] };
const ANY_VOWEL = ['a', 'i', 'u'] as const;

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/u;

export function isArabicScript(word: string): boolean {
  return ARABIC_LETTER.test(word);
}

/** The Latin readings of one Arabic-script word (folded: no vowel signs), for keying. */
export function latinReadings(word: string): string[] {
  const letters = [...word].filter((ch) => ARABIC_LETTER.test(ch));
  if (letters.length === 0) return [];
  if (letters.join('') === 'عبد') return ['abd'];
  const stems: string[][] = [letters];
  if (letters[0] === 'ا' && letters[1] === 'ل' && letters.length > 3) stems.push(letters.slice(2));
  return [...new Set(stems.flatMap(readStem))];
}

/** At most 2^6 readings per stem: names have few consonant clusters, and keys stay few. */
const MAX_CLUSTER_CHOICES = 6;

function readStem(letters: readonly string[]): string[] {
  const first = letters[0]!;
  const opensWithVowel = LONG_A.has(first) || GLOTTAL.has(first);
  const body = opensWithVowel ? letters.slice(1) : letters;
  const sounds: { sound: string; vowel: boolean }[] = [];
  let lastWasVowel = opensWithVowel;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    const nextIsVowelLetter = i + 1 < body.length && LONG_A.has(body[i + 1]!);
    let unit: { sound: string; vowel: boolean } | undefined;
    if (LONG_A.has(ch) || GLOTTAL.has(ch)) unit = { sound: 'a', vowel: true };
    else if (ch === 'و' || ch === 'ي') {
      const asVowel = sounds.length > 0 && !lastWasVowel && !nextIsVowelLetter;
      unit = asVowel ? { sound: ch === 'و' ? 'u' : 'i', vowel: true } : { sound: ch === 'و' ? 'w' : 'y', vowel: false };
    } else if (CONSONANTS[ch]) unit = { sound: CONSONANTS[ch]!, vowel: false };
    if (!unit) continue;
    sounds.push(unit);
    lastWasVowel = unit.vowel;
  }
  // Between two consonants a short vowel may or may not have been spoken and spelt (Mustafa has one
  // after m and t, none between s and t): every choice is a reading.
  let readings = [''];
  let choices = 0;
  sounds.forEach((unit, i) => {
    const previous = sounds[i - 1];
    const cluster = previous !== undefined && !previous.vowel && !unit.vowel;
    if (cluster && choices < MAX_CLUSTER_CHOICES) {
      choices++;
      readings = readings.flatMap((r) => [r + unit.sound, `${r}a${unit.sound}`]);
    } else readings = readings.map((r) => (cluster ? `${r}a${unit.sound}` : r + unit.sound));
  });
  if (!opensWithVowel) return readings;
  const openings = OPENING_VOWELS[first] ?? ANY_VOWEL;
  return openings.flatMap((v) => readings.map((r) => v + r));
}
