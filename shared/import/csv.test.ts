import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseDelimited } from './csv';
import { decodeText, detectEncoding } from './decode-text';
import { IMPORT_LIMITS } from './limits';
import { readWorkbook } from './read-workbook';

describe('delimited text', () => {
  it('detects the semicolon a Spanish Excel writes, and the comma inside quotes does not vote', () => {
    expect(detectDelimiter('NIS;Nombre;Centro\n1;"Benali, Karim";Córdoba\n2;Youssef;Madrid V\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n"x;y",2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });

  it('keeps quoted line breaks, doubled quotes and leading zeros', () => {
    const rows = parseDelimited('NIS;Notas\r\n0012345;"línea 1\r\nlínea 2 con ""comillas"""\r\n', ';', 'S');
    expect(rows).toEqual([
      ['NIS', 'Notas'],
      ['0012345', 'línea 1\r\nlínea 2 con "comillas"'],
    ]);
  });

  it('round-trips any table written as RFC 4180', () => {
    const cell = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (table) => {
        const text = table.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseDelimited(text, ',', 'S')).toEqual(table);
      }),
    );
  });

  it('refuses a cell longer than the limit, naming the row', () => {
    expect(() => parseDelimited(`a\n${'x'.repeat(50)}\n`, ',', 'S', { ...IMPORT_LIMITS, maxCellChars: 10 })).toThrow('cell_too_long');
  });

  it('reads windows-1252 when the bytes are not UTF-8, and UTF-16 by its byte-order mark', () => {
    const cp1252 = new Uint8Array([0x52, 0x65, 0x75, 0x6e, 0x69, 0xf3, 0x6e]); // "Reunión"
    expect(detectEncoding(cp1252)).toBe('windows-1252');
    expect(decodeText(cp1252, 'windows-1252')).toBe('Reunión');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3b, 0x00, 0x42, 0x00]);
    expect(detectEncoding(utf16)).toBe('utf-16le');
    const read = readWorkbook(utf16, 'x.csv');
    expect(read.ok && read.workbook.sheets[0]!.rows).toEqual([['A', 'B']]);
  });

  it('drops the UTF-8 byte-order mark from the first header', () => {
    const read = readWorkbook(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('NIS,Nombre\n1,A\n')]), 'x.csv');
    expect(read.ok && read.workbook.sheets[0]!.rows[0]).toEqual(['NIS', 'Nombre']);
  });
});
