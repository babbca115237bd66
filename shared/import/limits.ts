/**
 * Every imported file is hostile until read: these bound what one file may cost. A real prison
 * administration export of a whole system is tens of thousands of rows and a few dozen columns.
 */
export const IMPORT_LIMITS = {
  maxFileBytes: 64 * 1024 * 1024,
  /** Sum of the declared sizes of the archive parts that are read (XLSX/ODS are ZIP files). */
  maxUnzippedBytes: 256 * 1024 * 1024,
  maxSheets: 100,
  maxRowsPerSheet: 200_000,
  maxColumns: 500,
  maxCellChars: 20_000,
} as const;

export type ImportLimits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

/**
 * Why a file could not be read at all, as values: `code` is a message key (`import.fileError.<code>`
 * in the renderer); `describeFileError` says it in one English sentence for the command line.
 */
export type FileError =
  | { code: 'empty_file' }
  | { code: 'file_too_large'; size: number; limit: number }
  | { code: 'not_a_spreadsheet'; looksLike?: string }
  | { code: 'legacy_xls' }
  | { code: 'encrypted_workbook' }
  | { code: 'zip_bomb'; limit: number }
  | { code: 'damaged'; detail: string }
  | { code: 'too_many_sheets'; limit: number }
  | { code: 'too_many_rows'; sheet: string; limit: number }
  | { code: 'too_many_columns'; sheet: string; limit: number }
  | { code: 'cell_too_long'; sheet: string; row: number; limit: number };

export class FileReadError extends Error {
  constructor(readonly error: FileError) {
    super(error.code);
  }
}

export function describeFileError(fileName: string, error: FileError): string {
  switch (error.code) {
    case 'empty_file':
      return `${fileName} is empty.`;
    case 'file_too_large':
      return `${fileName} is ${error.size} bytes, more than the ${error.limit} bytes an import accepts.`;
    case 'not_a_spreadsheet':
      return `${fileName} is not a spreadsheet${error.looksLike ? ` (it looks like ${error.looksLike})` : ''}: choose an .xlsx, .ods, .csv or .tsv file.`;
    case 'legacy_xls':
      return `${fileName} is an old-style .xls workbook: open it in Excel or LibreOffice and save it as .xlsx or .ods.`;
    case 'encrypted_workbook':
      return `${fileName} is password-protected: save an unprotected copy and import that.`;
    case 'zip_bomb':
      return `${fileName} would unpack to more than ${error.limit} bytes; it was not opened (a damaged or malicious file).`;
    case 'damaged':
      return `${fileName} is damaged and cannot be read (${error.detail}).`;
    case 'too_many_sheets':
      return `${fileName} has more than ${error.limit} sheets.`;
    case 'too_many_rows':
      return `Sheet "${error.sheet}" of ${fileName} has more than ${error.limit} rows: split it.`;
    case 'too_many_columns':
      return `Sheet "${error.sheet}" of ${fileName} has more than ${error.limit} columns.`;
    case 'cell_too_long':
      return `Row ${error.row} of sheet "${error.sheet}" in ${fileName} has a cell longer than ${error.limit} characters.`;
  }
}
