import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween } from '../model/dates';
import { isRecordId } from '../model/ids';
import { allNames } from '../model/person';
import { releaseDate } from '../model/sentence';
import { stayOn } from '../model/stay';
import { CASE_TABLES, CASE_TABLE_NAMES, type CaseSnapshot } from '../model/tables';
import { validate } from '../model/validation';
import { LINK_KINDS } from '../model/vocabulary';
import { generateDemoCase } from './generate';
import { snapshotProblems } from './integrity';
import { DISPERSAL_PRISON_IDS } from './prisons';
import { demoLeaderId, demoShape, DEMO_SIZES } from './shape';

const today = '2026-11-24';
const demo = generateDemoCase({ today });

/** Where each person is held today: their open stay's prison. */
function currentPrison(snapshot: CaseSnapshot): Map<string, string> {
  const prisonOf = new Map<string, string>();
  for (const stay of snapshot.stays) if (!stay.to) prisonOf.set(stay.personId, stay.prisonId);
  return prisonOf;
}

function prisonsOf(snapshot: CaseSnapshot, personIds: readonly string[]): Set<string | undefined> {
  const prisonOf = currentPrison(snapshot);
  return new Set(personIds.map((id) => prisonOf.get(id)));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('generateDemoCase: determinism', () => {
  it('gives the same case, ids included, for the same options, whatever the clock says', () => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2031-01-01T00:00:00Z'));
    expect(generateDemoCase({ today, size: 270, seed: 20_181_008 })).toEqual(demo);
  });

  it('gives another case of the same shape for another seed, under another case id', () => {
    const other = generateDemoCase({ today, seed: 7 });
    expect(other.cases[0]!.id).toBe('demo-270-s7');
    expect(other.persons.map((p) => p.primaryName)).not.toEqual(demo.persons.map((p) => p.primaryName));
    expect(other.persons).toHaveLength(270);
    expect(other.prisons).toHaveLength(30);
  });

  it('refuses a malformed date or an unsupported size with a message', () => {
    expect(() => generateDemoCase({ today: '24/11/2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => generateDemoCase({ today, size: 3 })).toThrow(/demo size/);
  });
});

describe('generateDemoCase: the 270-person case of DOMAIN.md', () => {
  const persons = demo.persons;
  const count = (predicate: (p: (typeof persons)[number]) => boolean) => persons.filter(predicate).length;
  const ids = (predicate: (p: (typeof persons)[number]) => boolean) => persons.filter(predicate).map((p) => p.id);

  it('is one synthetic, marked case with an operation name and a unit', () => {
    expect(demo.cases).toHaveLength(1);
    expect(demo.cases[0]).toMatchObject({
      id: 'demo-270',
      name: 'Operación Celosía',
      marking: 'RESERVADO',
      synthetic: true,
      archived: false,
      unit: expect.stringMatching(/\S/),
    });
    expect(demo.cases[0]!.description).toMatch(/ficticio/);
    expect(demo.cases[0]!.description).toMatch(/Fictional training data modelled on public reporting/);
  });

  it('holds 30 real prisons of the 2018 dispersal, each with monitored inmates', () => {
    expect(demo.prisons.map((p) => p.gazetteerId).sort()).toEqual([...DISPERSAL_PRISON_IDS].sort());
    expect(demo.prisons.every((p) => p.id === `prison:demo-270:${p.gazetteerId}` && p.province && p.region)).toBe(true);
    expect(new Set(currentPrison(demo).values()).size).toBe(30);
  });

  it('has 150 jihadist convicts across 28 prisons and 120 at-risk inmates', () => {
    expect(persons).toHaveLength(270);
    const convicted = ids((p) => p.monitoring === 'convicted_terrorism');
    expect(convicted).toHaveLength(150);
    expect(prisonsOf(demo, convicted).size).toBe(28);
    expect(count((p) => p.monitoring === 'at_risk')).toBe(120);
    // Mostly Moroccan.
    const moroccan = persons.filter((p) => p.monitoring === 'convicted_terrorism' && p.nationalities.some((n) => n.country === 'MA'));
    expect(moroccan.length).toBeGreaterThan(100);
  });

  it('has a 25-member core (the leader among them) spread over exactly 17 prisons', () => {
    const core = ids((p) => p.role === 'core' || p.role === 'leader');
    expect(core).toHaveLength(25);
    expect(count((p) => p.role === 'leader')).toBe(1);
    expect(prisonsOf(demo, core).size).toBe(17);
    expect(count((p) => p.role === 'recruit')).toBe(60);
    expect(count((p) => p.role === 'contact')).toBe(185);
    // Some of the core are Spanish converts.
    expect(count((p) => p.role === 'core' && p.nationalities.some((n) => n.country === 'ES') && p.alternateNames.some((n) => n.kind === 'alias'))).toBeGreaterThanOrEqual(3);
  });

  it('has 20 in the voluntary programme, 30 who declined and the rest not in it', () => {
    const status = (s: string) => count((p) => p.programme.status === s);
    expect([status('enrolled'), status('completed'), status('dropped_out')]).toEqual([9, 6, 5]);
    expect(status('declined')).toBe(30);
    expect(status('none')).toBe(220);
  });

  it('has a sentence for every inmate; 10 walk out within 90 days, 12 are on remand', () => {
    expect(new Set(demo.sentences.map((s) => s.personId)).size).toBe(270);
    const soon = demo.sentences.filter((s) => {
      const day = releaseDate(s);
      return day !== undefined && day > today && daysBetween(today, day) <= 90;
    });
    expect(soon).toHaveLength(10);
    expect(demo.sentences.filter((s) => s.preventiveDetention && !s.expectedRelease)).toHaveLength(12);
    expect(demo.sentences.every((s) => s.start < today && (!s.expectedRelease || s.expectedRelease > today))).toBe(true);
  });

  it('knows the leader by an alias and a kunya, with another real name, 44, Moroccan, out in a week', () => {
    const leader = persons.find((p) => p.role === 'leader')!;
    expect(leader.id).toBe(demoLeaderId(270));
    expect(leader.id).toBe('demo-270:person:00001');
    expect(leader.alternateNames.map((n) => n.kind)).toEqual(expect.arrayContaining(['kunya', 'alias']));
    expect(leader.realName).toBeTruthy();
    expect(leader.realName).not.toBe(leader.primaryName);
    expect(leader.nationalities).toEqual([
      expect.objectContaining({ country: 'MA', status: 'verified' }),
      expect.objectContaining({ country: 'IQ', status: 'claimed' }),
    ]);
    const birth = leader.birthDate!;
    const age = Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
    expect(age).toBe(44);
    const sentence = demo.sentences.find((s) => s.personId === leader.id)!;
    expect(sentence.lengthMonths).toBe(168);
    expect(sentence.expectedRelease).toBe(addDays(today, 7));
    expect(sentence.offence).toMatch(/camiones bomba/);
    // About four years early: served about ten of fourteen years.
    expect(daysBetween(sentence.start, sentence.expectedRelease!)).toBeGreaterThan(9.9 * 365);
    expect(daysBetween(sentence.start, sentence.expectedRelease!)).toBeLessThan(10.1 * 365);
    const story = demo.events.filter((e) => e.personIds.includes(leader.id)).map((e) => e.kind);
    expect(story).toEqual(expect.arrayContaining(['release', 'other', 'arrest', 'extradition', 'conviction', 'operation']));
    expect(demo.events.find((e) => e.kind === 'other' && e.personIds.includes(leader.id))!.title).toMatch(/Suiza/);
  });

  it('gives names with transliteration variants and kunyas for search to find', () => {
    const names = persons.flatMap((p) => allNames(p));
    expect(names.some((n) => n.startsWith('Abu '))).toBe(true);
    const spellings = persons.filter((p) => p.alternateNames.some((n) => n.kind === 'spelling'));
    expect(spellings.length).toBeGreaterThan(50);
    // Some person is recorded under two spellings of Mohamed.
    expect(persons.some((p) => {
      const all = allNames(p).join(' ');
      return ['Mohamed', 'Mohammed', 'Muhammad', 'Mohammad'].filter((s) => new RegExp(`\\b${s}\\b`).test(all)).length >= 2;
    })).toBe(true);
  });

  it('gives everyone an open stay in their prison, with a module, and earlier stays to many', () => {
    const open = demo.stays.filter((s) => !s.to);
    expect(open).toHaveLength(270);
    expect(open.every((s) => s.module)).toBe(true);
    expect(demo.stays.length).toBeGreaterThan(400);
    for (const stay of demo.stays.filter((s) => s.to)) {
      // A transfer: the next stay of the person starts the day this one ends, in another prison.
      const next = demo.stays.find((s) => s.personId === stay.personId && s.from === stay.to)!;
      expect(next.prisonId).not.toBe(stay.prisonId);
    }
    const leaderStay = stayOn(demo.stays.filter((s) => s.personId === demoLeaderId()), today);
    expect(leaderStay?.to).toBeUndefined();
  });

  it('has links of every kind, dated, graded and sourced, most letters crossing prisons', () => {
    expect(new Set(demo.links.map((l) => l.kind))).toEqual(new Set(LINK_KINDS));
    expect(demo.links.length).toBeGreaterThan(4 * 270);
    for (const link of demo.links) {
      expect(link.date ?? link.from).toBeTruthy();
      expect(link.sourceIds.length === 1 || link.sourceIds.length === 2).toBe(true);
    }
    const prisonOf = currentPrison(demo);
    const letters = demo.links.filter((l) => l.kind === 'letter');
    expect(letters.every((l) => l.directed && l.count !== undefined && l.count >= 1)).toBe(true);
    const crossing = letters.filter((l) => prisonOf.get(l.fromId) !== prisonOf.get(l.toId));
    expect(crossing.length / letters.length).toBeGreaterThan(0.6);
    const leader = demoLeaderId();
    const core = persons.filter((p) => p.role === 'core').map((p) => p.id);
    const leadership = demo.links.filter((l) => l.kind === 'leadership');
    expect(leadership.every((l) => l.fromId === leader)).toBe(true);
    expect(leadership.map((l) => l.toId).sort()).toEqual(core.sort());
    const roles = new Map(persons.map((p) => [p.id, p.role]));
    expect(demo.links.filter((l) => l.kind === 'recruitment').every((l) => ['core', 'leader'].includes(roles.get(l.fromId)!) && roles.get(l.toId) === 'recruit')).toBe(true);
    const moduleOf = new Map(demo.stays.filter((s) => !s.to).map((s) => [s.personId, `${s.prisonId}/${s.module}`]));
    expect(demo.links.filter((l) => l.kind === 'shared_module').every((l) => moduleOf.get(l.fromId) === moduleOf.get(l.toId))).toBe(true);
  });

  it('has sources of every kind of evidence, graded A to F', () => {
    const kinds = new Set(demo.sources.map((s) => s.kind));
    for (const kind of ['letter', 'call_record', 'visit_log', 'report', 'press', 'court_record', 'testimony']) expect(kinds).toContain(kind);
    expect(new Set(demo.sources.map((s) => s.reliability))).toEqual(new Set(['A', 'B', 'C', 'D', 'E', 'F']));
  });

  it('has the events of the case: the operation, arrests, convictions, transfers, release, extradition', () => {
    const kinds = new Set(demo.events.map((e) => e.kind));
    for (const kind of ['operation', 'arrest', 'conviction', 'transfer', 'release', 'extradition']) expect(kinds).toContain(kind);
    const operation = demo.events.find((e) => e.kind === 'operation')!;
    expect(operation.personIds).toHaveLength(25);
    expect(operation.prisonIds).toHaveLength(17);
    expect(demo.events.every((e) => e.date <= today)).toBe(true);
  });
});

describe('generateDemoCase: every record valid and every reference resolved', () => {
  const thousand = generateDemoCase({ today, size: 1000 });
  for (const [label, snapshot] of [['270', demo], ['1,000', thousand]] as const) {
    it(`${label}: every record passes its table's schema`, () => {
      for (const table of CASE_TABLE_NAMES) {
        for (const record of snapshot[table]) {
          const result = validate(CASE_TABLES[table], record);
          if (!result.ok) throw new Error(`${table} ${(record as { id: string }).id}: ${JSON.stringify(result.issues)}`);
        }
      }
    });

    it(`${label}: ids are slugs of the case; references, stays and links are sound`, () => {
      expect(snapshotProblems(snapshot)).toEqual([]);
      const caseId = snapshot.cases[0]!.id;
      for (const table of CASE_TABLE_NAMES) {
        expect(snapshot[table].every((r) => isRecordId(r.id) && r.caseId === caseId && r.updatedBy === 'demo' && r.deleted === 0)).toBe(true);
      }
      expect(snapshot.persons[41]!.id).toBe(`${caseId}:person:00042`);
    });
  }

  it('makes a valid, sound case for any day, leap days included', () => {
    const leapDay = generateDemoCase({ today: '2028-02-29' });
    for (const table of CASE_TABLE_NAMES) {
      for (const record of leapDay[table]) expect(validate(CASE_TABLES[table], record).ok).toBe(true);
    }
    expect(snapshotProblems(leapDay)).toEqual([]);
    expect(leapDay.sentences[0]!.expectedRelease).toBe('2028-03-07');
  });

  it('finds the problems it is meant to find', () => {
    const broken = structuredClone(demo);
    broken.links[0]!.toId = 'demo-270:person:99999';
    broken.stays.push({ ...broken.stays[0]!, id: 'demo-270:stay:99999' });
    const problems = snapshotProblems(broken);
    expect(problems).toContain(`link ${broken.links[0]!.id} to: missing demo-270:person:99999`);
    expect(problems.some((p) => p.startsWith(`stays of ${broken.stays[0]!.personId} overlap`))).toBe(true);
  });
});

describe('generateDemoCase: larger sizes keep the shape', () => {
  it('offers 270, 1,000, 10,000 and 100,000 people', () => {
    expect(DEMO_SIZES).toEqual([270, 1000, 2000, 10_000, 100_000]);
    expect(demoShape(100_000)).toMatchObject({ people: 100_000, prisons: 79, core: 1000 });
  });

  it('1,000: more prisons, one leader, about five links per person', () => {
    const snapshot = generateDemoCase({ today, size: 1000 });
    expect(snapshot.persons).toHaveLength(1000);
    expect(snapshot.prisons).toHaveLength(51);
    expect(snapshot.persons.filter((p) => p.role === 'leader')).toHaveLength(1);
    expect(snapshot.persons.filter((p) => p.role === 'core')).toHaveLength(92);
    expect(snapshot.links.length).toBeGreaterThan(4.5 * 1000);
    expect(snapshot.links.length).toBeLessThan(5.5 * 1000);
  });

  it('10,000: every gazetteer prison, about 50,000 links, all references sound', () => {
    const snapshot = generateDemoCase({ today, size: 10_000 });
    expect(snapshot.persons).toHaveLength(10_000);
    expect(snapshot.prisons).toHaveLength(79);
    expect(snapshot.persons.filter((p) => p.role === 'leader').map((p) => p.id)).toEqual([demoLeaderId(10_000)]);
    expect(snapshot.links.length).toBeGreaterThan(45_000);
    expect(snapshot.links.length).toBeLessThan(55_000);
    expect(snapshot.sentences.find((s) => s.personId === demoLeaderId(10_000))!.expectedRelease).toBe(addDays(today, 7));
    expect(snapshotProblems(snapshot)).toEqual([]);
  });
});
