import { z } from 'zod';
import { IDENTIFIER_SCHEMES } from '../model/identifier';
import { CREDIBILITY, RELIABILITY, SOURCE_KINDS } from '../model/vocabulary';
import { DATE_FORMATS } from './dates';
import { IMPORT_TARGETS, TARGET_FIELDS } from './fields';

/**
 * An import specification: a saved, reusable mapping from sheets and columns to the model, with
 * identity rules and date formats. Stored in the case by name and exported as a JSON file
 * (docs/import-spec.md), so another unit's monthly export is loaded the same way every month.
 */
const header = z.string().trim().min(1).max(200);

export const fieldMappingSchema = z
  .object({
    field: z.string().min(1).max(60),
    /** Headers whose cells make the value; several are joined with `join` (default one space). */
    columns: z.array(header).max(10).default([]),
    join: z.string().max(10).optional(),
    /** A value for every row (when there is no column, or the column's cell is empty). */
    fixed: z.string().max(2000).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    /** For identifier fields, and for person references made by identifier. */
    scheme: z.enum(IDENTIFIER_SCHEMES).optional(),
    /** Multi-valued cells ("Abu Yusuf; El Tunecino") are split on this. */
    split: z.string().min(1).max(5).optional(),
    /** The file's words for vocabulary values: {"Carta": "letter"}. */
    values: z.record(z.string().max(200), z.string().max(60)).optional(),
  })
  .refine((f) => f.columns.length > 0 || f.fixed !== undefined, { error: 'mapping_without_source', path: ['columns'] });
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

/** How a sheet of stays, sentences, links or events names its people. */
export const personReferenceSchema = z.object({
  /** recordId: the `recordId` column of the file's people sheet, or a record id of the case (Vigía's own CSV). */
  by: z.enum(['identifier', 'name', 'recordId']),
  scheme: z.enum(IDENTIFIER_SCHEMES).optional(),
});
export type PersonReference = z.infer<typeof personReferenceSchema>;

export const sheetMappingSchema = z
  .object({
    /** The sheet (or CSV file, by name without extension) this applies to; absent: any that fits. */
    sheet: z.string().max(200).optional(),
    target: z.enum(IMPORT_TARGETS),
    /** 1-based row of the headers; data starts below it. */
    headerRow: z.number().int().min(1).max(100).default(1),
    fields: z.array(fieldMappingSchema).min(1).max(100),
    personReference: personReferenceSchema.default({ by: 'identifier', scheme: 'NIS' }),
    /** Links only: whether a row runs from → to (letters, calls) or both ways; default by kind. */
    directed: z.boolean().optional(),
    /**
     * The file was written by a tool that guards against formula injection with a leading apostrophe
     * (Vigía's CSV export): "'=x" is read as "=x". Only before = + - @, a tab or a carriage return.
     */
    formulaApostrophes: z.boolean().optional(),
  })
  .superRefine((sheet, context) => {
    const known = new Set(TARGET_FIELDS[sheet.target].map((f) => f.field));
    sheet.fields.forEach((f, i) => {
      if (!known.has(f.field)) context.addIssue({ code: 'custom', message: 'unknown_field', path: ['fields', i, 'field'] });
    });
    for (const required of TARGET_FIELDS[sheet.target].filter((f) => f.required)) {
      if (!sheet.fields.some((f) => f.field === required.field)) {
        context.addIssue({ code: 'custom', message: 'required_field_unmapped', path: ['fields'], params: { field: required.field } });
      }
    }
  });
export type SheetMapping = z.infer<typeof sheetMappingSchema>;

export const importSpecSchema = z.object({
  format: z.literal('vigia-import-spec'),
  version: z.literal(1),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  sheets: z.array(sheetMappingSchema).min(1).max(50),
  /** The Source each imported file becomes, and the grading of the links it brings. */
  source: z
    .object({
      kind: z.enum(SOURCE_KINDS),
      reliability: z.enum(RELIABILITY),
      credibility: z.literal(CREDIBILITY),
    })
    .default({ kind: 'report', reliability: 'F', credibility: 6 }),
});
export type ImportSpec = z.infer<typeof importSpecSchema>;
export type ImportSpecInput = z.input<typeof importSpecSchema>;

export type SpecRead = { ok: true; spec: ImportSpec } | { ok: false; problems: string[] };

/** A specification file, checked: JSON text in, a spec or the problems a person can fix out. */
export function readSpec(json: string): SpecRead {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problems: ['not JSON'] };
  }
  const parsed = importSpecSchema.safeParse(value);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The JSON file an analyst exports and another workstation imports: stable key order, indented. */
export function writeSpec(spec: ImportSpec): string {
  return `${JSON.stringify(importSpecSchema.parse(spec), null, 2)}\n`;
}

/** Every header a sheet mapping reads. */
export function columnsOf(sheet: SheetMapping): string[] {
  return [...new Set(sheet.fields.flatMap((f) => f.columns))];
}
