import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../../shared/demo';
import { liveCaseRecords, networkInputOf } from '../../../shared/network';
import { exportedNetwork } from '../../../shared/export';
import type { CaseSnapshot } from '../../../shared/model';
import { releaseCase } from '../../../shared/release';
import { releasedNetworkParts } from '../../workers/export-file';
import { networkPictureSvg } from './network-picture';
import { releasedView } from './released-view';

/** What the export worker's preview says a release keeps. */
const keptBy = (released: CaseSnapshot, caseId: string) => releasedNetworkParts(released, caseId, exportedNetwork(released, caseId, { exportedOn: '2026-12-05' }));

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
    const demo = generateDemoCase({ today: '2026-12-05' });
    const caseId = demo.cases[0]!.id;
    // Withhold one person outright (as if marked SECRETO) and the SECRETO testimonies' links.
    const hidden = demo.persons.find((p) => p.role === 'core')!;
    const marked = { ...demo, persons: demo.persons.map((p) => (p.id === hidden.id ? { ...p, marking: 'SECRETO' as const } : p)) };
    const release = releaseCase(marked, caseId, 'RESERVADO');
    const kept = keptBy(release.snapshot, caseId);
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

describe('who walks out next, in a picture released at a lower marking', () => {
  it('rings nobody for a sentence, nor places anybody by a stay, that only a withheld source supports', () => {
    const demo = generateDemoCase({ today: '2026-12-05' });
    const caseId = demo.cases[0]!.id;
    const input = networkInputOf(liveCaseRecords(demo, caseId));
    const [personId] = [...input.releaseByPerson!].find(([, date]) => date >= '2026-12-05')!;
    const placedIn = input.currentPrisonByPerson.get(personId);
    // Placed live in one of the case's prisons: what the release must no longer show.
    expect(input.prisons.map((p) => p.id)).toContain(placedIn);
    // The person stays releasable; their sentences and stays rest on one secret report.
    const secret = { ...demo.sources[0]!, id: 'src-secret', title: 'Informe secreto', marking: 'SECRETO' as const };
    const cites = <T extends { personId: string; sourceIds: string[] }>(r: T): T => (r.personId === personId ? { ...r, sourceIds: [secret.id] } : r);
    const marked = { ...demo, sources: [...demo.sources, secret], sentences: demo.sentences.map(cites), stays: demo.stays.map(cites) };
    const released = releaseCase(marked, caseId, 'RESERVADO');
    const shown = releasedView(networkInputOf(liveCaseRecords(marked, caseId)), keptBy(released.snapshot, caseId));

    expect(shown.persons.some((p) => p.id === personId)).toBe(true);
    expect(shown.releaseByPerson?.get(personId)).toBeUndefined();
    expect(shown.currentPrisonByPerson.get(personId)).toBeUndefined();
    expect(shown.stays?.some((s) => s.personId === personId)).toBe(false);
    // Everyone else keeps their date and place.
    const others = [...input.releaseByPerson!].filter(([id]) => id !== personId);
    expect(others.every(([id, date]) => shown.releaseByPerson?.get(id) === date)).toBe(true);
    expect([...input.currentPrisonByPerson].filter(([id]) => id !== personId).every(([id, prison]) => shown.currentPrisonByPerson.get(id) === prison)).toBe(true);
  });
});
