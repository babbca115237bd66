import type { TextEncodingName } from './sheet';

/**
 * Delimited text in the encodings analysts' files arrive in: a byte-order mark decides (UTF-8,
 * UTF-16LE, UTF-16BE); without one, valid UTF-8 is UTF-8 and anything else is windows-1252 (what a
 * Spanish Excel writes for "CSV delimitado por ;" — every byte is a character there, so the read
 * never fails and the analyst sees the result and can choose another encoding).
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The text without its byte-order mark (TextDecoder drops it for the encoding it names). */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  return new TextDecoder(encoding).decode(bytes);
}
