import type { IdentifierScheme } from '../model/identifier';

/** What one sheet of a file holds: each row is one record of this kind. */
export const IMPORT_TARGETS = ['people', 'stays', 'sentences', 'links', 'events', 'sources'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** How a field's text is read. */
export type FieldKind = 'text' | 'date' | 'number' | 'boolean' | 'list' | 'identifier' | 'person' | 'vocabulary';

export interface FieldDefinition {
  field: string;
  kind: FieldKind;
  required?: boolean;
  /** Headers that propose this field, folded (lower case, no accents, single spaces). */
  headers: readonly string[];
}

const person = (field: string, headers: readonly string[], required = true): FieldDefinition => ({ field, kind: 'person', required, headers });

/**
 * The fields each kind of sheet can fill, and the Spanish and English headers that propose them.
 * A people sheet may also carry the current stay and the sentence (the prison administration's
 * inmate list does: centre, module, entry date, expected release).
 */
export const TARGET_FIELDS: Readonly<Record<ImportTarget, readonly FieldDefinition[]>> = {
  people: [
    { field: 'identifier', kind: 'identifier', headers: ['nis', 'nie', 'dni', 'pasaporte', 'passport', 'identificador', 'id', 'numero de identificacion', 'documento'] },
    { field: 'primaryName', kind: 'text', required: true, headers: ['nombre', 'name', 'nombre completo', 'full name', 'interno', 'inmate', 'apellidos y nombre', 'nombre y apellidos', 'apellidos', 'surname', 'last name', 'first name'] },
    { field: 'alias', kind: 'list', headers: ['alias', 'aliases', 'apodo', 'apodos', 'alias conocidos', 'also known as', 'aka'] },
    { field: 'kunya', kind: 'list', headers: ['kunya', 'kunia', 'nombre de guerra', 'nom de guerre'] },
    { field: 'spelling', kind: 'list', headers: ['grafias', 'otras grafias', 'spellings', 'transliteraciones', 'nombre en arabe', 'arabic name'] },
    { field: 'realName', kind: 'text', headers: ['nombre real', 'real name', 'verdadero nombre'] },
    { field: 'nationality', kind: 'list', headers: ['nacionalidad', 'nationality', 'pais', 'country'] },
    { field: 'birthDate', kind: 'date', headers: ['fecha de nacimiento', 'fecha nacimiento', 'f nacimiento', 'nacimiento', 'birth date', 'date of birth', 'dob', 'birthdate'] },
    { field: 'role', kind: 'vocabulary', headers: ['rol', 'role', 'papel'] },
    { field: 'monitoring', kind: 'vocabulary', headers: ['seguimiento', 'monitoring', 'estado de seguimiento', 'categoria', 'motivo de seguimiento'] },
    { field: 'programme', kind: 'vocabulary', headers: ['programa', 'programme', 'program', 'programa de desradicalizacion'] },
    { field: 'notes', kind: 'text', headers: ['notas', 'observaciones', 'notes', 'comentarios', 'comments'] },
    { field: 'prison', kind: 'text', headers: ['centro', 'centro penitenciario', 'prision', 'prison', 'establecimiento', 'cp', 'centro actual'] },
    { field: 'module', kind: 'text', headers: ['modulo', 'module'] },
    { field: 'cell', kind: 'text', headers: ['celda', 'cell'] },
    { field: 'stayFrom', kind: 'date', headers: ['fecha de ingreso', 'fecha ingreso', 'ingreso', 'fecha de entrada', 'entrada', 'entry date', 'admission date', 'admitted'] },
    { field: 'offence', kind: 'text', headers: ['delito', 'delitos', 'offence', 'offense', 'crime'] },
    { field: 'sentenceStart', kind: 'date', headers: ['inicio de condena', 'inicio condena', 'fecha de condena', 'sentence start'] },
    { field: 'lengthMonths', kind: 'number', headers: ['meses de condena', 'duracion meses', 'condena meses', 'length months', 'sentence months'] },
    { field: 'expectedRelease', kind: 'date', headers: ['fecha prevista de libertad', 'fecha prevista libertad', 'libertad prevista', 'fecha de libertad', 'licenciamiento definitivo', 'expected release', 'release date'] },
    { field: 'earlyRelease', kind: 'date', headers: ['libertad anticipada', 'early release'] },
    // Vigía's own record id (persons.csv of an export): the same person when the case holds it,
    // and what the file's other sheets name people by (personReference "recordId").
    { field: 'recordId', kind: 'text', headers: ['id vigia', 'vigia id', 'record id'] },
  ],
  stays: [
    person('person', ['nis', 'interno', 'persona', 'person', 'inmate', 'nombre', 'name', 'dni', 'nie']),
    { field: 'prison', kind: 'text', required: true, headers: ['centro', 'centro penitenciario', 'prision', 'prison', 'establecimiento'] },
    { field: 'module', kind: 'text', headers: ['modulo', 'module'] },
    { field: 'cell', kind: 'text', headers: ['celda', 'cell'] },
    { field: 'from', kind: 'date', required: true, headers: ['desde', 'fecha de ingreso', 'ingreso', 'entrada', 'from', 'entry date'] },
    { field: 'to', kind: 'date', headers: ['hasta', 'fecha de salida', 'salida', 'to', 'exit date', 'traslado'] },
  ],
  sentences: [
    person('person', ['nis', 'interno', 'persona', 'person', 'inmate', 'nombre', 'name', 'dni', 'nie']),
    { field: 'offence', kind: 'text', required: true, headers: ['delito', 'delitos', 'offence', 'offense'] },
    { field: 'lengthMonths', kind: 'number', headers: ['meses', 'duracion meses', 'length months'] },
    { field: 'start', kind: 'date', required: true, headers: ['inicio', 'inicio de condena', 'start', 'sentence start'] },
    { field: 'expectedRelease', kind: 'date', headers: ['fecha prevista de libertad', 'libertad prevista', 'expected release', 'release date'] },
    { field: 'earlyRelease', kind: 'date', headers: ['libertad anticipada', 'early release'] },
    { field: 'preventiveDetention', kind: 'boolean', headers: ['prision preventiva', 'preventiva', 'preventive detention'] },
  ],
  links: [
    person('from', ['origen', 'remitente', 'de', 'from', 'emisor', 'llamante', 'autor', 'sender', 'caller', 'nis origen', 'interno origen']),
    person('to', ['destino', 'destinatario', 'para', 'to', 'receptor', 'llamado', 'recipient', 'callee', 'nis destino', 'interno destino']),
    { field: 'kind', kind: 'vocabulary', headers: ['tipo', 'type', 'medio', 'tipo de comunicacion', 'kind'] },
    { field: 'date', kind: 'date', headers: ['fecha', 'date', 'dia'] },
    { field: 'count', kind: 'number', headers: ['numero', 'cantidad', 'veces', 'count', 'number'] },
    { field: 'notes', kind: 'text', headers: ['notas', 'observaciones', 'contenido', 'notes', 'resumen', 'summary'] },
    { field: 'directed', kind: 'boolean', headers: ['dirigido', 'directed'] },
    { field: 'periodFrom', kind: 'date', headers: ['periodo desde', 'period from'] },
    { field: 'periodTo', kind: 'date', headers: ['periodo hasta', 'period to'] },
    { field: 'grading', kind: 'text', headers: ['valoracion', 'evaluacion', 'grading'] },
    { field: 'sources', kind: 'list', headers: ['fuentes', 'sources'] },
  ],
  events: [
    { field: 'title', kind: 'text', required: true, headers: ['titulo', 'title', 'evento', 'event', 'hecho'] },
    { field: 'kind', kind: 'vocabulary', headers: ['tipo', 'type', 'kind'] },
    { field: 'date', kind: 'date', required: true, headers: ['fecha', 'date'] },
    person('persons', ['personas', 'people', 'persons', 'implicados', 'internos'], false),
    { field: 'description', kind: 'text', headers: ['descripcion', 'description', 'detalle'] },
  ],
  sources: [
    { field: 'title', kind: 'text', required: true, headers: ['titulo', 'title', 'fuente', 'source', 'documento'] },
    { field: 'kind', kind: 'vocabulary', headers: ['tipo', 'type', 'kind'] },
    { field: 'author', kind: 'text', headers: ['autor', 'author'] },
    { field: 'date', kind: 'date', headers: ['fecha', 'date'] },
    { field: 'keptAt', kind: 'text', headers: ['archivo', 'ubicacion', 'kept at', 'location', 'custodia'] },
    { field: 'reliability', kind: 'vocabulary', headers: ['fiabilidad', 'reliability'] },
    { field: 'notes', kind: 'text', headers: ['notas', 'observaciones', 'notes'] },
  ],
};

export function fieldDefinition(target: ImportTarget, field: string): FieldDefinition | undefined {
  return TARGET_FIELDS[target].find((f) => f.field === field);
}

/** Headers that name an identifier scheme, for the proposal of `identifier` fields. */
export const SCHEME_HEADERS: Readonly<Record<string, IdentifierScheme>> = {
  nis: 'NIS',
  'nis origen': 'NIS',
  'nis destino': 'NIS',
  nie: 'NIE',
  dni: 'DNI',
  pasaporte: 'passport',
  passport: 'passport',
};
