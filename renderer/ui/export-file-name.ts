/** A file name for anything exported from a case: the case's name as letters, digits and dashes only (whatever the name holds), what it is, and the day. */
export function exportFileName(caseName: string, view: string, today: string, extension: string): string {
  const slug = caseName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${slug || 'caso'}-${view}-${today}.${extension}`;
}
