import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, demoLeaderId, generateDemoCase, snapshotProblems } from '../demo';
import type { AuditEntry } from '../model/audit';
import { effectiveMarking, isAtOrBelow } from '../model/marking';
import { CASE_TABLE_NAMES, type CaseSnapshot, type CaseTableName } from '../model/tables';
import { MARKINGS, type Marking } from '../model/vocabulary';
import { releaseCase } from '../release';
import { auditOfSelection, liveCounts, selectPeople, selectPeopleUpTo } from './selection';

const TODAY = '2026-11-24';

/**
 * A small demo case made richer than the generator makes it, so that every rule has something to
 * bite on: attachments of people (as photos) and of sources, notes about prisons, sources and
 * events, and tombstones scattered over every table. Everything comes from the seed.
 */
function richCase(seed: number): CaseSnapshot {
  const snapshot = structuredClone(generateDemoCase({ size: 60, seed, today: TODAY }));
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[random.int(0, list.length - 1)]!;
  const template = snapshot.cases[0]!;
  const meta = (id: string) => ({ id, caseId: template.id, createdAt: 1, updatedAt: 1, hlc: template.hlc, fieldClocks: {}, updatedBy: 'test', deleted: 0 as const });
  for (let k = 0; k < 6; k += 1) {
    const owner = k % 2 === 0 ? pick(snapshot.persons) : pick(snapshot.sources);
    const id = `${template.id}:attachment:${k}`;
    const ownerType = 'primaryName' in owner ? ('person' as const) : ('source' as const);
    snapshot.attachments.push({ ...meta(id), ownerType, ownerId: owner.id, fileName: `f${k}.jpg`, mimeType: 'image/jpeg', size: 3, sha256: k.toString(16).padStart(64, '0') });
    if ('primaryName' in owner) owner.photoAttachmentIds.push(id);
    else owner.attachmentIds.push(id);
  }
  const subjects = [
    ['prison', pick(snapshot.prisons).id],
    ['source', pick(snapshot.sources).id],
    ['event', pick(snapshot.events).id],
    ['link', pick(snapshot.links).id],
  ] as const;
  subjects.forEach(([subjectType, subjectId], k) => snapshot.notes.push({ ...meta(`${template.id}:note:x${k}`), subjectType, subjectId, text: 'nota' }));
  for (const table of CASE_TABLE_NAMES) {
    if (table === 'cases') continue;
    for (const record of snapshot[table] as Array<{ deleted: 0 | 1 }>) if (random.next() < 0.05) record.deleted = 1;
  }
  return snapshot;
}

/** Every reference a record makes, as [what, id] pairs. */
function references(snapshot: CaseSnapshot): Array<[string, string]> {
  const refs: Array<[string, string]> = [];
  for (const table of CASE_TABLE_NAMES) for (const r of snapshot[table]) refs.push([`${table} ${r.id} case`, r.caseId]);
  const cites = (what: string, ids: readonly string[]) => ids.forEach((id) => refs.push([`${what} source`, id]));
  for (const p of snapshot.persons) {
    cites(p.id, p.sourceIds);
    p.alternateNames.forEach((n) => cites(p.id, n.sourceIds));
    p.nationalities.forEach((n) => cites(p.id, n.sourceIds));
    p.photoAttachmentIds.forEach((id) => refs.push([`${p.id} photo`, id]));
  }
  for (const s of snapshot.sources) s.attachmentIds.forEach((id) => refs.push([`${s.id} attachment`, id]));
  for (const s of snapshot.stays) refs.push([`${s.id} person`, s.personId], [`${s.id} prison`, s.prisonId]);
  for (const s of snapshot.sentences) refs.push([`${s.id} person`, s.personId]);
  for (const l of snapshot.links) refs.push([`${l.id} from`, l.fromId], [`${l.id} to`, l.toId]);
  for (const e of snapshot.events) {
    e.personIds.forEach((id) => refs.push([`${e.id} person`, id]));
    e.prisonIds.forEach((id) => refs.push([`${e.id} prison`, id]));
  }
  for (const f of [...snapshot.stays, ...snapshot.sentences, ...snapshot.links, ...snapshot.events]) cites(f.id, f.sourceIds);
  for (const n of snapshot.notes) refs.push([`${n.id} subject`, n.subjectId]);
  for (const a of snapshot.attachments) refs.push([`${a.id} owner`, a.ownerId]);
  return refs;
}

const ids = (snapshot: CaseSnapshot) => new Set(CASE_TABLE_NAMES.flatMap((t) => (snapshot[t] as Array<{ id: string }>).map((r) => r.id)));
const idsOf = (snapshot: CaseSnapshot, table: CaseTableName) => (snapshot[table] as Array<{ id: string }>).map((r) => r.id).sort();

const aCaseAndAChoice = fc
  .record({ seed: fc.integer({ min: 1, max: 1_000_000 }), picks: fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 25 }) })
  .map(({ seed, picks }) => {
    const whole = richCase(seed);
    return { whole, chosen: picks.map((i) => whole.persons[i]!.id) };
  });

const RUNS = { numRuns: 40, seed: 20261124 };

describe('selectPeople', () => {
  it('sends nothing that points outside the bundle: every reference resolves to a record sent with it', () => {
    fc.assert(
      fc.property(aCaseAndAChoice, ({ whole, chosen }) => {
        const { snapshot } = selectPeople(whole, chosen);
        const sent = ids(snapshot);
        expect(references(snapshot).filter(([, id]) => !sent.has(id))).toEqual([]);
        expect(snapshotProblems(snapshot)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('sends exactly the chosen people, their stays and sentences, every record as it is, and links only among them', () => {
    fc.assert(
      fc.property(aCaseAndAChoice, ({ whole, chosen }) => {
        const { snapshot, leftOut } = selectPeople(whole, chosen);
        const set = new Set(chosen);
        expect(idsOf(snapshot, 'persons')).toEqual([...chosen].sort());
        expect(idsOf(snapshot, 'stays')).toEqual(whole.stays.filter((s) => set.has(s.personId)).map((s) => s.id).sort());
        expect(idsOf(snapshot, 'sentences')).toEqual(whole.sentences.filter((s) => set.has(s.personId)).map((s) => s.id).sort());
        const touching = whole.links.filter((l) => set.has(l.fromId) || set.has(l.toId));
        const among = touching.filter((l) => set.has(l.fromId) && set.has(l.toId));
        expect(idsOf(snapshot, 'links')).toEqual(among.map((l) => l.id).sort());
        expect(leftOut.links).toBe(touching.filter((l) => !among.includes(l) && !l.deleted).length);
        // Records travel untouched (a trimmed copy at the same stamps would corrupt the merge).
        const originals = new Map(CASE_TABLE_NAMES.flatMap((t) => (whole[t] as Array<{ id: string }>).map((r) => [r.id, r] as const)));
        for (const table of CASE_TABLE_NAMES) for (const r of snapshot[table]) expect(r).toBe(originals.get(r.id));
      }),
      RUNS,
    );
  });

  it('selecting everyone sends the whole case but the records that belong to no one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const whole = richCase(seed);
        const { snapshot, leftOut } = selectPeople(whole, whole.persons.map((p) => p.id));
        expect(leftOut).toEqual({ links: 0, events: 0 });
        const sent = ids(snapshot);
        const cited = new Set(references(whole).filter(([what]) => what.endsWith(' source')).map(([, id]) => id));
        // What stays home belongs to no one: sources nothing cites (with their attachments and the
        // notes about them) and notes about the case itself.
        const belongsToNoOne = new Set([
          ...whole.sources.filter((r) => !cited.has(r.id)).map((r) => r.id),
          ...whole.attachments.filter((r) => !sent.has(r.ownerId)).map((r) => r.id),
          ...whole.notes.filter((r) => r.subjectType === 'case' || !sent.has(r.subjectId)).map((r) => r.id),
        ]);
        const stayedHome = [...ids(whole)].filter((id) => !sent.has(id));
        expect(stayedHome.filter((id) => !belongsToNoOne.has(id))).toEqual([]);
      }),
      { numRuns: 15, seed: 20261124 },
    );
  });

  it('leaves out the links and events that reach outside the selection, and counts the live ones', () => {
    const whole = generateDemoCase({ size: 60, today: TODAY });
    const leader = demoLeaderId(60);
    const { snapshot, leftOut } = selectPeople(whole, [leader]);
    const leaderLinks = whole.links.filter((l) => l.fromId === leader || l.toId === leader);
    expect(snapshot.persons.map((p) => p.primaryName)).toEqual(['Youssef Ouali']);
    expect(snapshot.links).toEqual([]);
    expect(leftOut.links).toBe(leaderLinks.length);
    expect(leftOut.links).toBeGreaterThan(0);
    // His own story (release, extradition …) goes; the operation against the whole core does not.
    expect(snapshot.events.length).toBeGreaterThan(0);
    expect(snapshot.events.every((e) => e.personIds.length === 1 && e.personIds[0] === leader)).toBe(true);
    expect(leftOut.events).toBe(whole.events.filter((e) => e.personIds.includes(leader) && e.personIds.length > 1).length);
    expect(liveCounts(snapshot)).toMatchObject({ cases: 1, persons: 1, links: 0, stays: whole.stays.filter((s) => s.personId === leader).length });
  });

  it('sends nothing of anyone when no one is chosen but the case record', () => {
    const whole = richCase(7);
    const { snapshot } = selectPeople(whole, []);
    expect(CASE_TABLE_NAMES.filter((t) => snapshot[t].length > 0)).toEqual(['cases']);
  });
});

describe('auditOfSelection', () => {
  it('keeps the history of the records sent and drops the rest', () => {
    const whole = richCase(3);
    const { snapshot } = selectPeople(whole, [whole.persons[0]!.id]);
    const entry = (table: string, recordId: string, seq: number): AuditEntry => ({
      id: `audit:${seq}`,
      caseId: whole.cases[0]!.id,
      seq,
      at: seq,
      hlc: whole.cases[0]!.hlc,
      analyst: 'Ana',
      workstationId: 'ws-a',
      action: 'update',
      table,
      recordId,
      prevHash: '0'.repeat(64),
      hash: '1'.repeat(64),
    });
    const audit = [
      entry('persons', whole.persons[0]!.id, 1),
      entry('persons', whole.persons[1]!.id, 2),
      entry('cases', whole.cases[0]!.id, 3),
      entry('stays', snapshot.stays[0]!.id, 4),
      // Same id, other table: not the record that was sent.
      entry('links', whole.persons[0]!.id, 5),
    ];
    expect(auditOfSelection(audit, snapshot).map((e) => e.seq)).toEqual([1, 3, 4]);
  });
});

const SPANISH: Marking[] = ['DIFUSION_LIMITADA', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO'];
const MARKED = ['sources', 'persons', 'links', 'events', 'notes', 'attachments'] as const;

/** A rich case at DIFUSIÓN LIMITADA with markings drawn for its records (foreign TLP ones too), a choice of people and a level. */
const aMarkedChoice = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    picks: fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 1, maxLength: 30 }),
    draws: fc.array(fc.option(fc.constantFrom<Marking>(...MARKINGS), { freq: 2 }), { minLength: 32, maxLength: 32 }),
    every: fc.integer({ min: 1, max: 8 }),
    upTo: fc.constantFrom(...SPANISH),
  })
  .map(({ seed, picks, draws, every, upTo }) => {
    const whole = richCase(seed);
    whole.cases[0]!.marking = 'DIFUSION_LIMITADA';
    let n = 0;
    for (const table of MARKED)
      for (const record of whole[table] as Array<{ marking?: Marking }>) {
        n += 1;
        const drawn = n % every === 0 ? draws[(n / every) % draws.length] : null;
        if (drawn) record.marking = drawn;
      }
    return { whole, chosen: picks.map((i) => whole.persons[i]!.id), upTo };
  });

describe('selectPeopleUpTo (a selection released up to a marking)', () => {
  it('property: nothing above the level, nothing the release withholds, records as they are, nothing dangling, no audit of what stayed home', () => {
    fc.assert(
      fc.property(aMarkedChoice, ({ whole, chosen, upTo }) => {
        const caseId = whole.cases[0]!.id;
        const released = selectPeopleUpTo(whole, caseId, chosen, upTo);
        const { snapshot } = released;
        const caseMarking = whole.cases[0]!.marking;
        const above = MARKED.flatMap((t) => (snapshot[t] as Array<{ id: string; marking?: Marking }>).filter((r) => !isAtOrBelow(effectiveMarking(r.marking, caseMarking), upTo)).map((r) => r.id));
        expect(above).toEqual([]);
        expect(isAtOrBelow(released.marking, upTo)).toBe(true);
        const withheldIds = releaseCase(whole, caseId, upTo).withheldIds;
        const sent = ids(snapshot);
        expect([...sent].filter((id) => withheldIds.has(id))).toEqual([]);
        expect(references(snapshot).filter(([, id]) => !sent.has(id))).toEqual([]);
        const originals = new Map(CASE_TABLE_NAMES.flatMap((t) => (whole[t] as Array<{ id: string }>).map((r) => [r.id, r] as const)));
        for (const table of CASE_TABLE_NAMES) for (const r of snapshot[table]) expect(r).toBe(originals.get(r.id));
        // Only a subset of the plain selection, and the counts say what it lost.
        const plain = selectPeople(whole, chosen).snapshot;
        const plainIds = ids(plain);
        expect([...sent].filter((id) => !plainIds.has(id))).toEqual([]);
        const before = liveCounts(plain);
        const after = liveCounts(snapshot);
        for (const kind of ['persons', 'links', 'sources', 'events', 'stays', 'sentences', 'notes', 'attachments'] as const) expect(released.withheld[kind]).toBe(before[kind] - after[kind]);
        // The history of a record that stayed home stays home too.
        const audit = CASE_TABLE_NAMES.flatMap((table) =>
          (whole[table] as Array<{ id: string }>).map((r, seq): AuditEntry => ({ id: `a:${table}:${r.id}`, caseId, seq, at: seq, hlc: whole.cases[0]!.hlc, analyst: 'Ana', workstationId: 'ws-a', action: 'update', table, recordId: r.id, prevHash: '0'.repeat(64), hash: '1'.repeat(64) })),
        );
        const travelling = auditOfSelection(audit, snapshot);
        expect(travelling.filter((e) => withheldIds.has(e.recordId) || !sent.has(e.recordId))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('at the case’s highest level sends what the plain selection sends; on the demo up to RESERVADO the SECRETO statements stay home and are counted', () => {
    const whole = generateDemoCase({ size: 60, today: TODAY });
    const caseId = whole.cases[0]!.id;
    const everyone = whole.persons.map((p) => p.id);
    const all = selectPeopleUpTo(whole, caseId, everyone, 'SECRETO');
    expect(ids(all.snapshot)).toEqual(ids(selectPeople(whole, everyone).snapshot));
    expect(Object.values(all.withheld).every((n) => n === 0)).toBe(true);
    expect(all.marking).toBe('SECRETO');
    const partner = selectPeopleUpTo(whole, caseId, everyone, 'RESERVADO');
    expect(partner.marking).toBe('RESERVADO');
    expect(partner.withheld.sources).toBeGreaterThan(0);
    expect(partner.withheld.links).toBeGreaterThan(0);
    expect(partner.snapshot.sources.some((s) => s.marking === 'SECRETO')).toBe(false);
    expect(() => selectPeopleUpTo(whole, caseId, everyone, 'CONFIDENCIAL')).toThrow(RangeError);
  });
});
