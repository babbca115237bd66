import { describe, expect, it } from 'vitest';
import { isPlainFileName } from './file-name';

describe('isPlainFileName', () => {
  it.each(['caso-2025.vigia', 'Informe Vigía.pdf', 'a', 'red_de_contactos.v2.json'])('accepts %s', (name) => {
    expect(isPlainFileName(name)).toBe(true);
  });

  it.each([
    '',
    '.',
    '..',
    '../caso.vigia',
    'dir/caso.vigia',
    'C:\\Users\\x\\caso.vigia',
    '/etc/passwd',
    'caso\u0000.vigia',
    'caso\n.vigia',
    'caso:stream',
    'caso?.vigia',
    'caso.',
    ' caso',
    'CON',
    'nul.txt',
    'COM1.vigia',
    'x'.repeat(256),
  ])('refuses %j', (name) => {
    expect(isPlainFileName(name)).toBe(false);
  });
});
