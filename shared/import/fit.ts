import { foldWord } from './vocabulary-words';
import { cellText, type Sheet, type Workbook } from './sheet';
import { columnsOf, type ImportSpec, type SheetMapping } from './spec';

/** A sheet of one of the files being imported. */
export interface SheetRef {
  file: string;
  sheet: string;
}

export interface MatchedSheet {
  mapping: SheetMapping;
  mappingIndex: number;
  workbook: Workbook;
  sheet: Sheet;
  /** Folded header → column index. */
  columns: ReadonlyMap<string, number>;
}

export interface SpecFit {
  spec: ImportSpec;
  /** Every sheet mapping found a sheet with all its columns. */
  fits: boolean;
  matched: MatchedSheet[];
  /** Per sheet mapping that found no full match: the closest sheet and the columns it lacks. */
  missing: { mappingIndex: number; target: string; closest?: SheetRef; columns: string[] }[];
}

export function headerKey(text: string): string {
  return foldWord(text).replace(/\s+/g, ' ');
}

export function headersOf(sheet: Sheet, headerRow: number): Map<string, number> {
  const headers = new Map<string, number>();
  (sheet.rows[headerRow - 1] ?? []).forEach((cell, i) => {
    const key = headerKey(cellText(cell));
    if (key && !headers.has(key)) headers.set(key, i);
  });
  return headers;
}

const sheetNameKey = (name: string) => headerKey(name.replace(/\.[a-z0-9]{2,4}$/i, ''));

/**
 * Which sheets of the files a specification reads, and what is missing when it nearly fits. A sheet
 * mapping that names a sheet matches that sheet only; one that does not takes the first unclaimed
 * sheet that has all its columns.
 */
export function fitSpec(spec: ImportSpec, workbooks: readonly Workbook[]): SpecFit {
  const sheets = workbooks.flatMap((workbook) => workbook.sheets.map((sheet) => ({ workbook, sheet })));
  const claimed = new Set<Sheet>();
  const matched: MatchedSheet[] = [];
  const missing: SpecFit['missing'] = [];
  spec.sheets.forEach((mapping, mappingIndex) => {
    const wanted = columnsOf(mapping).map(headerKey);
    let best: { candidate: (typeof sheets)[number]; lacking: string[]; columns: Map<string, number> } | undefined;
    for (const candidate of sheets) {
      if (claimed.has(candidate.sheet)) continue;
      if (mapping.sheet !== undefined && sheetNameKey(mapping.sheet) !== sheetNameKey(candidate.sheet.name)) continue;
      const columns = headersOf(candidate.sheet, mapping.headerRow);
      const lacking = wanted.filter((w) => !columns.has(w));
      if (!best || lacking.length < best.lacking.length) best = { candidate, lacking, columns };
      if (lacking.length === 0) break;
    }
    if (best && best.lacking.length === 0) {
      claimed.add(best.candidate.sheet);
      matched.push({ mapping, mappingIndex, workbook: best.candidate.workbook, sheet: best.candidate.sheet, columns: best.columns });
    } else {
      const lackingOriginal = best ? columnsOf(mapping).filter((c) => best.lacking.includes(headerKey(c))) : columnsOf(mapping);
      missing.push({
        mappingIndex,
        target: mapping.target,
        closest: best ? { file: best.candidate.workbook.fileName, sheet: best.candidate.sheet.name } : undefined,
        columns: lackingOriginal,
      });
    }
  });
  return { spec, fits: missing.length === 0, matched, missing };
}

/**
 * The saved specifications that fit the files, best first; those that nearly fit (at least one
 * sheet matched, or every mapping lacking at most two columns) follow with what they lack.
 */
export function rankSpecs(specs: readonly ImportSpec[], workbooks: readonly Workbook[]): SpecFit[] {
  return specs
    .map((spec) => fitSpec(spec, workbooks))
    .filter((fit) => fit.fits || fit.matched.length > 0 || fit.missing.every((m) => m.closest && m.columns.length <= 2))
    .sort((a, b) => Number(b.fits) - Number(a.fits) || b.matched.length - a.matched.length);
}
