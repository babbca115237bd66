/**
 * The same JSON text with every character beyond ASCII written as its \u escape, which JSON.parse
 * reads back as the same character. The sealed stores write their JSON so (record-cipher.ts, the
 * cached network): a text that is all ASCII is decoded from UTF-8 three times faster, and parsed a
 * little faster, than one with a single accent or Arabic letter in it (Chromium, the cached network
 * of the 10,000-person demo case, 5.9 MB with 4,495 such characters: decoding 23 → 7 ms, parsing
 * 32 → 28 ms), and most of our records carry Spanish or Arabic names. Each UTF-16 unit is escaped
 * alone; JSON.stringify has already escaped lone surrogates. Only for text that is JSON: an escape
 * means nothing outside a JSON string, and JSON has non-ASCII characters nowhere else.
 */
export function asciiJson(json: string): string {
  return BEYOND_ASCII.test(json) ? json.replace(EVERY_BEYOND_ASCII, escapedUnit) : json;
}

const BEYOND_ASCII = /[\u0080-\uffff]/;
const EVERY_BEYOND_ASCII = /[\u0080-\uffff]/g;
const escapedUnit = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
