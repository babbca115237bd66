/**
 * A file name the renderer may suggest for a save dialog: one plain name, no directories, nothing a
 * file system (Windows included) would read as a path, a device or a stream.
 */
const MAX_FILE_NAME_LENGTH = 255;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f<>:"/\\|?*]/;
const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function isPlainFileName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) return false;
  if (name === '.' || name === '..') return false;
  if (FORBIDDEN_CHARACTERS.test(name)) return false;
  if (name.endsWith('.') || name.endsWith(' ') || name.startsWith(' ')) return false;
  return !WINDOWS_DEVICE_NAMES.test(name);
}
