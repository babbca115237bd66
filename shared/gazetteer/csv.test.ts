import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads plain fields, LF and CRLF record ends, and ignores one final record end', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual({ ok: true, rows: [['a', 'b'], ['1', '2']] });
    expect(parseCsv('a,b\r\n1,2')).toEqual({ ok: true, rows: [['a', 'b'], ['1', '2']] });
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n')).toEqual({ ok: true, rows: [['a', '', 'c', '']] });
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    const text = 'name,town\n"Centre Penitenciari ""Mas d\'Enric""","El Catllar,\nTarragona"\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      rows: [
        ['name', 'town'],
        ['Centre Penitenciari "Mas d\'Enric"', 'El Catllar,\nTarragona'],
      ],
    });
  });

  it('skips a byte-order mark', () => {
    expect(parseCsv('\ufeffid\nx')).toEqual({ ok: true, rows: [['id'], ['x']] });
  });

  it('reports malformed quoting with the line it starts on', () => {
    expect(parseCsv('a\n"open,b\nc')).toEqual({ ok: false, code: 'csv_unterminated_quote', line: 2 });
    expect(parseCsv('a\nb"c\n')).toEqual({ ok: false, code: 'csv_stray_quote', line: 2 });
    expect(parseCsv('"a"b\n')).toEqual({ ok: false, code: 'csv_stray_quote', line: 1 });
  });

  it('reads an empty text as no rows', () => {
    expect(parseCsv('')).toEqual({ ok: true, rows: [] });
  });
});
