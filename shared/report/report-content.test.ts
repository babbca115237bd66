import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../demo';
import { releaseCase } from '../release';
import { REPORT_SECTIONS, reportContent, type ReportRequest } from './report-content';

const TODAY = '2026-12-05';
const demo = generateDemoCase({ today: TODAY });
const caseId = demo.cases[0]!.id;
const request: ReportRequest = { caseId, sections: REPORT_SECTIONS, today: TODAY, author: 'Analista 7' };
const journal = [{ workstationId: 'ws-1', entries: 12, headHash: 'ab'.repeat(32), verified: true }];

describe('the case report’s content', () => {
  it('holds every person of the case with every name, the leader first, and the whole network', () => {
    const report = reportContent(demo, request, journal);
    expect(report.people).toHaveLength(demo.persons.length);
    expect(report.people[0]!.role).toBe('leader');
    const leader = report.people[0]!;
    expect(leader.names.map((n) => n.name)).toEqual(expect.arrayContaining(['Abu Ilyas al-Andalusi', 'أبو إلياس الأندلسي']));
    expect(report.summary.links).toBe(demo.links.length);
    expect(report.network.links).toHaveLength(demo.links.length);
    expect(report.summary.keyPeople[0]!.role).toBe('leader');
    expect(report.journal).toEqual(journal);
    // Some links cite SECRETO statements: the report says so on every page.
    expect(report.marking).toBe('SECRETO');
  });

  it('released up to RESERVADO: marked RESERVADO, the protected witnesses nowhere', () => {
    const release = releaseCase(demo, caseId, 'RESERVADO');
    const report = reportContent(release.snapshot, { ...request, releasedUpTo: 'RESERVADO' }, journal);
    expect(report.marking).toBe('RESERVADO');
    expect(report.releasedUpTo).toBe('RESERVADO');
    expect(JSON.stringify(report)).not.toContain('testigo protegido');
    expect(report.summary.links).toBe(demo.links.length - release.withheld.links);
  });

  it('for chosen people: only them and the links among them; as of a date only what was known by then', () => {
    const ids = demo.persons.slice(0, 20).map((p) => p.id);
    const some = reportContent(demo, { ...request, personIds: ids }, journal);
    expect(some.scope).toBe('people');
    expect(some.people.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(some.network.links.every((l) => ids.includes(l.fromId) && ids.includes(l.toId))).toBe(true);
    // The timeline figure draws the same people: their stays, links and the events they took part in.
    expect(some.timeline.persons.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(some.timeline.stays.every((s) => ids.includes(s.personId))).toBe(true);
    expect(some.timeline.links).toEqual(some.network.links.map((l) => expect.objectContaining({ id: l.id })));
    expect(some.timeline.events.every((e) => e.personIds.some((id) => ids.includes(id)))).toBe(true);

    const past = reportContent(demo, { ...request, asOf: '2020-01-01' }, journal);
    expect(past.summary.links).toBeLessThan(demo.links.length);
    expect(past.people.flatMap((p) => p.links).every((l) => (l.date || l.from || '') <= '2020-01-01')).toBe(true);
    expect(past.people.flatMap((p) => p.stays).every((s) => s.from <= '2020-01-01' && (s.to === '' || s.to <= '2020-01-01'))).toBe(true);
    expect(past.timeline.events.every((e) => e.date <= '2020-01-01')).toBe(true);
  });

  it('lists the next releases in date order within the radar, and the cited sources with their grading', () => {
    const report = reportContent(demo, request, journal);
    const dates = report.releases.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= TODAY)).toBe(true);
    expect(report.releases.length).toBeGreaterThan(0);
    expect(report.sources.length).toBeGreaterThan(0);
    expect(report.sources.some((s) => s.marking === 'SECRETO')).toBe(true);
  });
});
