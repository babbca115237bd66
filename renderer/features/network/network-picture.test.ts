import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../../shared/demo';
import { liveCaseRecords, networkInputOf } from '../../../shared/network';
import { networkPictureSvg } from './network-picture';

const t = ((key: string) => key) as unknown as TFunction;

describe('the report’s network figure', () => {
  it('draws the view’s layout: people spread over their prisons, not piled at one point', () => {
    const demo = generateDemoCase({ today: '2026-12-05' });
    const input = networkInputOf(liveCaseRecords(demo, demo.cases[0]!.id));
    const svg = networkPictureSvg(input, { title: 'Operación Celosía', marking: 'RESERVADO', today: '2026-12-05', t, formatNumber: String });
    const people = [...svg.matchAll(/<ellipse cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(people.length).toBeGreaterThan(200);
    expect(new Set(people).size).toBeGreaterThan(200);
    const boxes = new Set([...svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="[\d.]+" height="[\d.]+" rx="6"/g)].map((m) => `${m[1]},${m[2]}`));
    expect(boxes.size).toBeGreaterThan(20);
    expect(svg).toContain('RESERVADO');
  });
});

describe('the picture of a view released at a lower marking', () => {
  it('holds nothing the release withheld: no name, no link, no count of them', async () => {
    const { releasedView } = await import('./released-view');
    const { releaseCase } = await import('../../../shared/release');
    const demo = generateDemoCase({ today: '2026-12-05' });
    const caseId = demo.cases[0]!.id;
    // Withhold one person outright (as if marked SECRETO) and the SECRETO testimonies' links.
    const hidden = demo.persons.find((p) => p.role === 'core')!;
    const marked = { ...demo, persons: demo.persons.map((p) => (p.id === hidden.id ? { ...p, marking: 'SECRETO' as const } : p)) };
    const release = releaseCase(marked, caseId, 'RESERVADO');
    const kept = { persons: release.snapshot.persons.filter((p) => !p.deleted).map((p) => p.id), links: release.snapshot.links.filter((l) => !l.deleted).map((l) => l.id) };
    const input = networkInputOf(liveCaseRecords(marked, caseId));
    const shown = releasedView(input, kept);
    expect(shown.persons.some((p) => p.id === hidden.id)).toBe(false);
    expect(shown.links.length).toBeLessThan(input.links.length);
    expect(shown.links.every((l) => l.fromId !== hidden.id && l.toId !== hidden.id)).toBe(true);
    const svg = networkPictureSvg(shown, { title: 'Operación Celosía', marking: 'RESERVADO', today: '2026-12-05', t, formatNumber: String });
    expect(svg).not.toContain(hidden.primaryName);
    expect(networkPictureSvg(input, { title: 'x', marking: 'x', today: '2026-12-05', t, formatNumber: String })).toContain(hidden.primaryName);
  });
});
