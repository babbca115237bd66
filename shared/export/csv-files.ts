import { BOM, csvLine } from './csv-cell';
import { CSV_IMPORT_SPEC_FILE, csvImportSpecJson } from './csv-import-spec';
import type { ExportedLink, ExportedNetwork } from './exported-network';
import { LIST_SEPARATOR } from './list-separator';
import { MARKING_ON_FILES } from './marking-text';
import { presenceSpells, type Spell } from './spells';

export const PERSONS_HEADER = [
  'id', 'name', 'real_name', 'other_names', 'identifiers', 'role', 'monitoring', 'prison_id', 'prison', 'expected_release',
  'aliases', 'kunyas', 'spellings', 'nis', 'nie', 'dni', 'passport', 'other_identifier', 'nationalities', 'birth_date',
  'stay_from', 'sentence_offence', 'sentence_start', 'sentence_expected_release', 'sentence_early_release',
] as const;
export const LINKS_HEADER = ['source', 'target', 'type', 'weight', 'date', 'id', 'directed', 'from', 'to', 'grading', 'sources'] as const;

/** One file of a CSV export: its name in the chosen folder and its text in chunks (a header, then one row each). */
export interface CsvFile {
  name: string;
  chunks(): Generator<string>;
}

/**
 * The files of a CSV export, each UTF-8 with a byte-order mark:
 * - persons.csv and links.csv: Vigía's own tables, which `vigia metrics` reads (id,name /
 *   source,target,type,weight,date and further columns it ignores);
 * - gephi-nodes.csv and gephi-edges.csv: Gephi's spreadsheet import (Id, Label / Source, Target,
 *   Type, Id, Weight), with time intervals in Gephi's `<[start, end]>` notation;
 * - i2-links.csv: one row per link, entity – link – entity, as i2 Analyst's Notebook imports;
 * - MARKING.txt: the marking, the export's date and "as of" date, beside the tables rather than in
 *   them, because a comment line would break the readers above.
 */
export function csvFiles(network: ExportedNetwork): CsvFile[] {
  const personById = new Map(network.persons.map((p) => [p.id, p]));
  const staysByPerson = new Map<string, { from: string; to: string }[]>();
  for (const stay of network.stays) (staysByPerson.get(stay.personId) ?? staysByPerson.set(stay.personId, []).get(stay.personId)!).push(stay);
  const table = (name: string, header: string[], rows: () => Iterable<(string | number | boolean)[]>): CsvFile => ({
    name,
    *chunks() {
      yield BOM + csvLine(header);
      for (const row of rows()) yield csvLine(row);
    },
  });
  const list = (values: readonly string[]) => values.join(LIST_SEPARATOR);

  return [
    // The columns after expected_release are what the shipped import specification reads back
    // (vigia-csv.import-spec.json): names by kind, identifiers by scheme, the placing stay's start and
    // the sentence behind the release date.
    table('persons.csv', [...PERSONS_HEADER], function* () {
      for (const p of network.persons) {
        yield [
          p.id, p.name, p.realName, list(p.otherNames), list(p.identifiers), p.role, p.monitoring, p.prisonId, p.prisonName, p.expectedRelease,
          list(p.aliases), list(p.kunyas), list(p.spellings),
          p.identifierBy.NIS, p.identifierBy.NIE, p.identifierBy.DNI, p.identifierBy.passport, p.identifierBy.other,
          list(p.nationalities), p.birthDate, p.stayFrom, p.sentenceOffence, p.sentenceStart, p.sentenceExpectedRelease, p.sentenceEarlyRelease,
        ];
      }
    }),
    table('links.csv', [...LINKS_HEADER], function* () {
      for (const l of network.links) yield [l.source, l.target, l.kind, l.weight, l.date, l.id, l.directed, l.from, l.to, l.grading, list(l.sources)];
    }),
    table('gephi-nodes.csv', ['Id', 'Label', 'Interval', 'role', 'monitoring', 'prison', 'expected_release'], function* () {
      for (const p of network.persons) {
        yield [p.id, p.name, gephiInterval(presenceSpells(staysByPerson.get(p.id) ?? [], network.exportedOn)), p.role, p.monitoring, p.prisonName, p.expectedRelease];
      }
    }),
    table('gephi-edges.csv', ['Source', 'Target', 'Type', 'Id', 'Weight', 'Label', 'Interval', 'grading'], function* () {
      for (const l of network.links) {
        yield [l.source, l.target, l.directed ? 'Directed' : 'Undirected', l.id, l.weight, l.kind, gephiInterval(linkSpell(l, network.exportedOn)), l.grading];
      }
    }),
    table(
      'i2-links.csv',
      ['Entity 1 Id', 'Entity 1 Name', 'Entity 1 Other names', 'Entity 1 Identifiers', 'Entity 1 Prison', 'Link Id', 'Link Type', 'Link Direction', 'Link Date', 'Link From', 'Link To', 'Link Count', 'Link Grading', 'Link Sources', 'Entity 2 Id', 'Entity 2 Name', 'Entity 2 Other names', 'Entity 2 Identifiers', 'Entity 2 Prison'],
      function* () {
        for (const l of network.links) {
          const a = personById.get(l.source)!;
          const b = personById.get(l.target)!;
          yield [
            a.id, a.name, list(a.otherNames), list(a.identifiers), a.prisonName,
            l.id, l.kind, l.directed ? 'Arrow on head' : 'No arrows', l.date, l.from, l.to, l.weight, l.grading, list(l.sources),
            b.id, b.name, list(b.otherNames), list(b.identifiers), b.prisonName,
          ];
        }
      },
    ),
    { name: CSV_IMPORT_SPEC_FILE, *chunks() { yield csvImportSpecJson(); } },
    {
      name: 'MARKING.txt',
      *chunks() {
        yield `${MARKING_ON_FILES[network.marking]}\r\n`;
        yield `Caso / Case: ${network.caseName}\r\n`;
        yield `Exportado / Exported: ${network.exportedOn}\r\n`;
        yield `Red a fecha / Network as of: ${network.asOf || '—'}\r\n`;
        yield `Alcance / Scope: ${network.filtered ? 'vista filtrada / filtered view' : 'caso completo / whole case'}\r\n`;
        yield `Ficheros / Files: persons.csv, links.csv, gephi-nodes.csv, gephi-edges.csv, i2-links.csv\r\n`;
        yield `Reimportar / Re-import: persons.csv + links.csv with ${CSV_IMPORT_SPEC_FILE}\r\n`;
        yield `${MARKING_ON_FILES[network.marking]}\r\n`;
      },
    },
  ];
}

/**
 * A link on Gephi's timeline: from its date (or the start of its period) to the export's date. The
 * network view counts a link from the day it is first known, whatever its period's end (a
 * correspondence that stopped still ties the two men), and Gephi's timeline at D should show what
 * Vigía's network shows at D; the period's end stays in links.csv and i2-links.csv.
 */
function linkSpell(link: ExportedLink, exportedOn: string): Spell[] {
  const start = link.date || link.from;
  return start && start <= exportedOn ? [{ start, end: exportedOn }] : [];
}

/** Gephi's interval notation, `<[2019-03-01, 2021-06-30]; [2022-01-10, 2026-12-05]>`; empty when timeless. */
function gephiInterval(spells: readonly Spell[]): string {
  return spells.length === 0 ? '' : `<${spells.map((s) => `[${s.start}, ${s.end}]`).join('; ')}>`;
}
