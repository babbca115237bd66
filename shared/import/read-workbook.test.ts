import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from './limits';
import { readWorkbook } from './read-workbook';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));

/** A minimal .xlsx: the parts a workbook writer emits, with the given sheet XML. */
function xlsx(sheets: Record<string, string>, options: { date1904?: boolean; strings?: string[]; styles?: string; extra?: Record<string, Uint8Array> } = {}): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns:r="r"><workbookPr date1904="${options.date1904 ? 1 : 0}"/><sheets>${names
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst>${(options.strings ?? []).map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`),
    'xl/styles.xml': strToU8(options.styles ?? '<?xml version="1.0"?><styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'),
    ...options.extra,
  };
  names.forEach((n, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet><sheetData>${sheets[n]}</sheetData></worksheet>`)));
  return zipSync(files);
}

describe('reading workbooks', () => {
  it('reads the LibreOffice-made .xlsx and .ods alike: leading zeros kept, typed dates as ISO', () => {
    for (const name of ['internos.xlsx', 'internos.ods']) {
      const read = readWorkbook(fixture(name), name);
      expect(read.ok).toBe(true);
      if (!read.ok) continue;
      const rows = read.workbook.sheets[0]!.rows;
      expect(rows[0]).toContain('Fecha prevista libertad');
      expect(rows[1]!.slice(0, 3)).toEqual(['0012345', 'Youssef', 'El Amrani']);
      // "Fecha ingreso" was typed as a date in the workbook; "Fecha prevista libertad" as text.
      expect(rows[1]![7]).toBe('2015-03-12');
      expect(rows[1]![9]).toBe('01/06/2027');
      expect(rows[3]![1]).toBe('يوسف');
    }
  });

  it('reads several sheets, shared strings, inline strings, cached formula values and the 1904 system', () => {
    const book = xlsx(
      {
        Internos: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Fecha</t></is></c></row>' +
          '<row r="3"><c r="A3" t="str"><f>CONCAT("00","7")</f><v>007</v></c><c r="C3" s="1"><v>42369</v></c></row>',
        Otra: '<row r="1"><c r="A1"><f>1/0</f><v>2</v></c></row>',
      },
      { date1904: true, strings: ['NIS'] },
    );
    const read = readWorkbook(book, 'libro.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.workbook.date1904).toBe(true);
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(['Internos', 'Otra']);
    expect(read.workbook.sheets[0]!.rows).toEqual([['NIS', null, 'Fecha'], [], ['007', null, '2020-01-01']]);
    expect(read.workbook.sheets[1]!.rows).toEqual([[2]]);
  });

  it('refuses a part with a DOCTYPE (entity expansion) as damaged', () => {
    const book = xlsx({ S: '' }, { extra: { 'xl/sharedStrings.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>') } });
    const read = readWorkbook(book, 'bomb.xlsx');
    expect(read).toMatchObject({ ok: false, error: { code: 'damaged' } });
  });

  it('stops a zip bomb before inflating it', () => {
    const book = xlsx({ S: `<row r="1"><c r="A1" t="inlineStr"><is><t>${'A'.repeat(200_000)}</t></is></c></row>` });
    expect(book.length).toBeLessThan(10_000);
    const read = readWorkbook(book, 'bomb.xlsx', { limits: { ...IMPORT_LIMITS, maxUnzippedBytes: 100_000 } });
    expect(read).toEqual({ ok: false, error: { code: 'zip_bomb', limit: 100_000 } });
  });

  it('says in one sentence what a renamed PDF, an old .xls or a Word file is', () => {
    expect(readWorkbook(new TextEncoder().encode('%PDF-1.7\n...'), 'report.xlsx')).toEqual({ ok: false, error: { code: 'not_a_spreadsheet', looksLike: 'a PDF document' } });
    expect(readWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.xls')).toEqual({ ok: false, error: { code: 'legacy_xls' } });
    expect(readWorkbook(zipSync({ 'word/document.xml': strToU8('<w/>') }), 'x.xlsx')).toMatchObject({ ok: false, error: { code: 'not_a_spreadsheet', looksLike: 'a Word document' } });
    expect(readWorkbook(new Uint8Array([1, 2, 0, 4]), 'x.csv')).toMatchObject({ ok: false, error: { code: 'not_a_spreadsheet' } });
  });

  it('bounds an ODS run of repeated rows by the row limit, and ignores trailing empty repeats', () => {
    const content = (rows: string) =>
      strToU8(`<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="H">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`);
    const ods = (rows: string) => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': content(rows) });
    const row = '<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row>';
    const trailing = '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>';
    const ok = readWorkbook(ods(row + trailing), 'a.ods');
    expect(ok.ok && ok.workbook.sheets[0]!.rows).toEqual([['x']]);
    const repeated = `<table:table-row table:number-rows-repeated="9999999"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>`;
    expect(readWorkbook(ods(repeated), 'b.ods')).toMatchObject({ ok: false, error: { code: 'too_many_rows' } });
  });
});
