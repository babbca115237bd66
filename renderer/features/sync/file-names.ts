/** File names the bridge accepts anywhere: letters, digits, dots, dashes; nothing that reads as a path. */
export function plainFileName(base: string, extension: string): string {
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'vigia'}.${extension}`;
}
