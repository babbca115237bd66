import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { buildNetworkElements } from '../../network-model/build-elements';
import { opensOnOverview, PRISON_LEVEL_THRESHOLD, type NetworkInput } from '../../../shared/network/network-input';
import { aggregateByPrison, buildPrisonOverview, isPrisonOverview } from '../../network-model/prison-overview';
import { Legend } from './Legend';
import { StatusLine } from './StatusLine';

afterEach(cleanup);

const labels = { outside: 'Sin prisión actual', formatNumber: (n: number) => new Intl.NumberFormat('es-ES').format(n) };

/** `people` inmates spread over `prisons` prisons (the last person in none), `links` letters on a fixed stride. */
function largeCase(people: number, prisons: number, links: number): NetworkInput {
  const currentPrisonByPerson = new Map<string, string>();
  for (let i = 0; i < people - 1; i++) currentPrisonByPerson.set(`p${i}`, `pr${i % prisons}`);
  return {
    prisons: Array.from({ length: prisons }, (_, i) => ({ id: `pr${i}`, name: `Prisión ${String(i).padStart(2, '0')}`, province: 'Madrid', lat: 40 + i / 100, lon: -3 })),
    persons: Array.from({ length: people }, (_, i) => ({ id: `p${i}`, primaryName: `Persona ${i}`, role: 'recruit' as const, monitoring: 'at_risk' as const })),
    links: Array.from({ length: links }, (_, l) => {
      const from = l % people;
      return { id: `l${l}`, kind: 'letter' as const, fromId: `p${from}`, toId: `p${(from + 1 + (l % 97)) % people}`, directed: true, count: 1 };
    }),
    currentPrisonByPerson,
  };
}

describe('the prison overview of a large case', () => {
  it('is drawn exactly as the prison level of the full case, so nothing moves when the people arrive', () => {
    const input = largeCase(600, 12, 2400);
    const overview = aggregateByPrison(input);
    for (const view of ['prisons', 'map'] as const) {
      const full = buildNetworkElements(input, labels, { view });
      const quick = buildPrisonOverview(overview, labels, view);
      expect(quick.elements).toEqual(full.elements);
      expect(quick.summary).toEqual(full.summary);
    }
  });

  it('counts inmates per prison, people in no prison, and links within and between prisons', () => {
    const overview = aggregateByPrison(largeCase(10, 2, 9));
    expect(overview.people).toBe(10);
    expect(overview.links).toBe(9);
    expect(overview.inmates).toEqual({ 'prison|pr0': 5, 'prison|pr1': 4, 'outside|': 1 });
    const counted = Object.values(overview.within).reduce((a, b) => a + b, 0) + overview.between.reduce((a, e) => a + e.count, 0);
    expect(counted).toBe(9);
    // Plain data: it survives the cache and postMessage as it is.
    expect(isPrisonOverview(structuredClone(overview))).toBe(true);
    expect(isPrisonOverview({ people: 1 })).toBe(false);
  });

  it('opens a 10,000-person case on its prisons and says what it holds while the people load', () => {
    const input = largeCase(10_000, 30, 50_000);
    expect(opensOnOverview(input.persons.length)).toBe(true);
    const { elements, summary } = buildPrisonOverview(aggregateByPrison(input), labels, 'prisons');
    expect(summary.level).toBe('prisons');
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(31);
    render(
      <I18nextProvider i18n={createI18n('es')}>
        <StatusLine summary={summary} id="status" filtering={false} loadingPeople />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('network-status').textContent).toBe('10.000 personas en 30 prisiones · 50.000 vínculos · 1 persona sin prisión actual');
    expect(screen.getByText(/Cargando personas y vínculos/)).toBeTruthy();
    expect(screen.queryByText(/Doble clic en una prisión/)).toBeNull();
  });

  it('draws only the visible part of a mesh of prisons, and still gives every count in the legend', () => {
    const input = largeCase(8_000, 60, 40_000);
    const overview = aggregateByPrison(input);
    const { elements, summary, pairs } = buildPrisonOverview(overview, labels, 'prisons');
    const drawn = elements.filter((e) => e.data.type === 'aggregate');
    expect(summary.undrawnAggregates).toBe(overview.between.length - drawn.length);
    expect(summary.undrawnAggregates).toBeGreaterThan(0);
    expect(pairs).toHaveLength(overview.between.length);
    render(
      <I18nextProvider i18n={createI18n('es')}>
        <Legend summary={summary} pairs={pairs} />
      </I18nextProvider>,
    );
    const legend = screen.getByTestId('network-legend');
    expect(within(legend).getByText(new RegExp(`^${labels.formatNumber(summary.undrawnAggregates)} pares de prisiones con menos vínculos no se dibujan`))).toBeTruthy();
    const counts = screen.getByTestId('aggregate-counts') as HTMLDetailsElement;
    expect(within(counts).queryByRole('table')).toBeNull();
    counts.open = true;
    fireEvent(counts, new Event('toggle'));
    const rows = within(counts).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(overview.between.length);
    // Most first; the weakest pair, which is not drawn, is listed with its count.
    const weakest = [...overview.between].sort((a, b) => a.count - b.count)[0]!;
    expect(rows[0]!.textContent).toContain(String(Math.max(...overview.between.map((p) => p.count))));
    expect(drawn.some((e) => e.data.source === weakest.source && e.data.target === weakest.target)).toBe(false);
    expect(rows.at(-1)!.textContent).toMatch(new RegExp(`${weakest.count}$`));
  });

  it('lets cases up to the threshold open whole, people in their prisons', () => {
    expect(opensOnOverview(270)).toBe(false);
    expect(opensOnOverview(PRISON_LEVEL_THRESHOLD)).toBe(false);
    expect(opensOnOverview(PRISON_LEVEL_THRESHOLD + 1)).toBe(true);
  });
});
