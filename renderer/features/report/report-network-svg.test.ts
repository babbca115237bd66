import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../../shared/demo';
import { liveCaseRecords, networkInputOf } from '../../../shared/network';
import { reportNetworkSvg } from './report-network-svg';

const t = ((key: string) => key) as unknown as TFunction;

describe('the report’s network figure', () => {
  it('draws the view’s layout: people spread over their prisons, not piled at one point', () => {
    const demo = generateDemoCase({ today: '2026-12-05' });
    const input = networkInputOf(liveCaseRecords(demo, demo.cases[0]!.id));
    const svg = reportNetworkSvg(input, { title: 'Operación Celosía', marking: 'RESERVADO', today: '2026-12-05', t, formatNumber: String });
    const people = [...svg.matchAll(/<ellipse cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(people.length).toBeGreaterThan(200);
    expect(new Set(people).size).toBeGreaterThan(200);
    const boxes = new Set([...svg.matchAll(/<rect x="([-\d.]+)" y="([-\d.]+)" width="[\d.]+" height="[\d.]+" rx="6"/g)].map((m) => `${m[1]},${m[2]}`));
    expect(boxes.size).toBeGreaterThan(20);
    expect(svg).toContain('RESERVADO');
  });
});
