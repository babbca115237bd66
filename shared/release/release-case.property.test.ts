import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../demo';
import { effectiveMarking, isAtOrBelow, MARKINGS, type CaseSnapshot, type Marking } from '../model';
import { releaseCase } from './release-case';

const SPANISH: Marking[] = ['DIFUSION_LIMITADA', 'CONFIDENCIAL', 'RESERVADO', 'SECRETO'];
const demo = generateDemoCase({ today: '2026-12-05', size: 270 });
const caseId = demo.cases[0]!.id;
const MARKED = ['sources', 'persons', 'links', 'events', 'notes', 'attachments'] as const;

/** The demo at DIFUSIÓN LIMITADA with markings drawn for its records (some foreign TLP ones). */
const markedCase = fc
  .tuple(
    fc.array(fc.option(fc.constantFrom<Marking>(...MARKINGS), { freq: 3 }), { minLength: 64, maxLength: 64 }),
    fc.integer({ min: 1, max: 40 }),
  )
  .map(([draws, every]): CaseSnapshot => {
    let n = 0;
    // Every `every`-th record gets the next drawn marking; the rest keep the case's.
    const mark = <T extends object>(record: T): T => {
      n++;
      const drawn = n % every === 0 ? draws[(n / every) % draws.length] : null;
      return drawn ? { ...record, marking: drawn } : record;
    };
    return {
      ...demo,
      cases: demo.cases.map((c) => ({ ...c, marking: 'DIFUSION_LIMITADA' })),
      ...Object.fromEntries(MARKED.map((table) => [table, (demo[table] as object[]).map(mark)])),
    } as CaseSnapshot;
  });

/** Every id a record points at: what must never name something withheld. */
function references(s: CaseSnapshot): string[] {
  return [
    ...s.persons.flatMap((p) => [...p.sourceIds, ...p.photoAttachmentIds, ...p.alternateNames.flatMap((n) => n.sourceIds), ...(p.identifiers ?? []).flatMap((i) => i.sourceIds), ...p.nationalities.flatMap((x) => x.sourceIds)]),
    ...s.sources.flatMap((x) => x.attachmentIds),
    ...s.links.flatMap((l) => [l.fromId, l.toId, ...l.sourceIds]),
    ...s.stays.flatMap((x) => [x.personId, ...x.sourceIds]),
    ...s.sentences.flatMap((x) => [x.personId, ...x.sourceIds]),
    ...s.events.flatMap((e) => [...e.personIds, ...e.sourceIds]),
    ...s.notes.map((x) => x.subjectId),
    ...s.attachments.map((x) => x.ownerId),
  ];
}

describe('releasing a case up to a marking', () => {
  it('property: nothing above the level leaves, nothing at or below it is lost without a reason', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(markedCase, fc.constantFrom(...SPANISH), (snapshot, upTo) => {
        const release = releaseCase(snapshot, caseId, upTo);
        const out = release.snapshot;
        const caseMarking = snapshot.cases[0]!.marking;
        const mark = (r: { marking?: Marking }) => effectiveMarking(r.marking, caseMarking);

        // Nothing above the level, and the files' marking is the highest actually contained.
        expect(MARKED.flatMap((table) => (out[table] as { id: string; marking?: Marking }[]).filter((r) => !isAtOrBelow(mark(r), upTo)).map((r) => r.id))).toEqual([]);
        expect(isAtOrBelow(release.marking, upTo)).toBe(true);
        const contained = MARKED.flatMap((t) => out[t] as { marking?: Marking }[]).map(mark);
        expect(contained.every((m) => isAtOrBelow(m, release.marking))).toBe(true);

        // Nothing kept points at something withheld.
        expect(references(out).filter((id) => release.withheldIds.has(id))).toEqual([]);

        // A fact kept that cited sources still cites one: none is released on withheld sources alone.
        const sourced = new Map([...snapshot.links, ...snapshot.events, ...snapshot.stays, ...snapshot.sentences].map((r) => [r.id, r.sourceIds.length]));
        expect([...out.links, ...out.events, ...out.stays, ...out.sentences].filter((r) => sourced.get(r.id)! > 0 && r.sourceIds.length === 0).map((r) => r.id)).toEqual([]);
        const unsourced = (p: CaseSnapshot['persons'][number]) => [...p.alternateNames, ...p.nationalities, ...(p.identifiers ?? [])].filter((d) => d.sourceIds.length === 0).length;
        const personBefore = new Map(snapshot.persons.map((p) => [p.id, p]));
        expect(out.persons.filter((p) => unsourced(p) !== unsourced(personBefore.get(p.id)!)).map((p) => p.id)).toEqual([]);

        // Each record left out had a reason: its marking, a withheld person or owner, or only withheld sources.
        const gone = (id: string) => release.withheldIds.has(id);
        const onlyWithheld = (ids: readonly string[]) => ids.length > 0 && ids.every(gone);
        const keptIds = new Set(Object.values(out).flat().map((r) => (r as { id: string }).id));
        const reasons: Record<string, (r: never) => boolean> = {
          sources: (r: { marking?: Marking }) => !isAtOrBelow(mark(r), upTo),
          persons: (r: { marking?: Marking }) => !isAtOrBelow(mark(r), upTo),
          links: (r: { marking?: Marking; fromId: string; toId: string; sourceIds: string[] }) => !isAtOrBelow(mark(r), upTo) || gone(r.fromId) || gone(r.toId) || onlyWithheld(r.sourceIds),
          events: (r: { marking?: Marking; personIds: string[]; sourceIds: string[] }) => !isAtOrBelow(mark(r), upTo) || r.personIds.some(gone) || onlyWithheld(r.sourceIds),
          stays: (r: { personId: string; sourceIds: string[] }) => gone(r.personId) || onlyWithheld(r.sourceIds),
          sentences: (r: { personId: string; sourceIds: string[] }) => gone(r.personId) || onlyWithheld(r.sourceIds),
          notes: (r: { marking?: Marking; subjectId: string }) => !isAtOrBelow(mark(r), upTo) || gone(r.subjectId),
          attachments: (r: { marking?: Marking; ownerId: string }) => !isAtOrBelow(mark(r), upTo) || gone(r.ownerId),
        };
        const unexplained: string[] = [];
        for (const [table, reason] of Object.entries(reasons)) {
          for (const r of snapshot[table as keyof CaseSnapshot] as { id: string }[]) {
            if (keptIds.has(r.id) === release.withheldIds.has(r.id) || (!keptIds.has(r.id) && !reason(r as never))) unexplained.push(`${table} ${r.id}`);
          }
        }
        expect(unexplained).toEqual([]);
        // A kept record is the same record, less its references to what was withheld.
        const before = new Map(snapshot.links.map((l) => [l.id, l]));
        expect(out.links.map((l) => ({ ...l, sourceIds: [] }))).toEqual(out.links.map((l) => ({ ...before.get(l.id)!, sourceIds: [] })));
        // The counts the dialog shows are the records left out.
        const counted = Object.entries(release.withheld).filter(([k]) => k !== 'personDetails').reduce((n, [, v]) => n + v, 0);
        expect(counted).toBe(release.withheldIds.size);
      }),
      { numRuns: 25 },
    );
  });

  it('property: a higher level keeps everything a lower one keeps', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(markedCase, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (snapshot, a, b) => {
        const [low, high] = [SPANISH[Math.min(a, b)]!, SPANISH[Math.max(a, b)]!];
        const kept = (s: CaseSnapshot) => new Set(Object.values(s).flat().map((r) => (r as { id: string }).id));
        const lower = kept(releaseCase(snapshot, caseId, low).snapshot);
        const higher = kept(releaseCase(snapshot, caseId, high).snapshot);
        for (const id of lower) expect(higher.has(id)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('the demo: whole at SECRETO; at its own RESERVADO without the protected witnesses’ statements', () => {
    const whole = releaseCase(demo, caseId, 'SECRETO');
    expect(whole.withheldIds.size).toBe(0);
    expect(whole.marking).toBe('SECRETO');
    expect(whole.snapshot.links).toHaveLength(demo.links.length);
    const reserved = releaseCase(demo, caseId, 'RESERVADO');
    expect(reserved.marking).toBe('RESERVADO');
    expect(reserved.withheld.sources).toBe(demo.sources.filter((s) => s.marking === 'SECRETO').length);
    expect(reserved.withheld.sources).toBeGreaterThan(0);
    expect(reserved.withheld.links).toBeGreaterThan(0);
    expect(reserved.withheld.persons).toBe(0);
  });

  it('a source marked SECRETO takes the facts only it supports, and a foreign TLP mark fails closed', () => {
    const source = demo.sources.find((s) => demo.links.some((l) => l.sourceIds.length === 1 && l.sourceIds[0] === s.id))!;
    const onlyIt = demo.links.filter((l) => l.sourceIds.length === 1 && l.sourceIds[0] === source.id);
    const secret = new Set(demo.sources.filter((s) => s.marking === 'SECRETO').map((s) => s.id));
    const alsoOther = demo.links.filter((l) => l.sourceIds.includes(source.id) && l.sourceIds.some((id) => id !== source.id && !secret.has(id)));
    const marked: CaseSnapshot = { ...demo, sources: demo.sources.map((s) => (s.id === source.id ? { ...s, marking: 'SECRETO' } : s)) };
    const release = releaseCase(marked, caseId, 'RESERVADO');
    const keptLinks = new Set(release.snapshot.links.map((l) => l.id));
    expect(onlyIt.every((l) => !keptLinks.has(l.id))).toBe(true);
    expect(alsoOther.every((l) => keptLinks.has(l.id))).toBe(true);
    expect(release.marking).toBe('RESERVADO');
    expect(releaseCase(marked, caseId, 'SECRETO').marking).toBe('SECRETO');

    const foreign: CaseSnapshot = { ...demo, persons: demo.persons.map((p, i) => (i === 0 ? { ...p, marking: 'TLP_CLEAR' } : p)) };
    expect(releaseCase(foreign, caseId, 'RESERVADO').withheld.persons).toBe(1);
  });

  it('refuses a level below the case’s marking or of the other family', () => {
    expect(() => releaseCase(demo, caseId, 'CONFIDENCIAL')).toThrow(RangeError);
    expect(() => releaseCase(demo, caseId, 'TLP_RED')).toThrow(RangeError);
  });
});
