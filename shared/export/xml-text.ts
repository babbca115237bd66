/**
 * Text for an XML 1.0 element or a double-quoted attribute: markup characters escaped, and tabs and
 * line breaks written as character references so that a reader's attribute-value normalisation
 * cannot turn them into spaces (a note's line breaks survive). Characters XML 1.0 cannot carry at
 * all (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD: a file that a strict
 * parser refuses would lose the whole export, not one character.
 */
export function xmlText(value: string): string {
  return value.replace(XML_SPECIAL, (c) => ESCAPES[c] ?? '\uFFFD');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

// Markup characters, the three whitespace controls, and everything XML 1.0's Char production excludes.
// eslint-disable-next-line no-control-regex -- the control characters are what this pattern is for
const XML_SPECIAL = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
