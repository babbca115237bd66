import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGazetteerCsv } from './parse';
import { PRISONS_ES } from './prisons-es.generated';
import { renderOutlineModule, renderPrisonsModule } from './render';
import { SPAIN_OUTLINE } from './spain-outline.generated';
import type { SpainOutline } from './types';

// Run with VIGIA_REGENERATE=1 to rewrite the generated modules after changing the source files.
const regenerate = process.env.VIGIA_REGENERATE === '1';
const here = (name: string) => new URL(name, import.meta.url);

function checkGenerated(file: string, expected: string): void {
  if (regenerate) writeFileSync(here(file), expected);
  expect(readFileSync(here(file), 'utf8'), `${file} is out of date: run VIGIA_REGENERATE=1 npx vitest run shared/gazetteer`).toBe(expected);
}

describe('generated gazetteer modules', () => {
  const parsed = parseGazetteerCsv(readFileSync(here('prisons-es.csv'), 'utf8'));
  const outline = JSON.parse(readFileSync(here('spain-outline.geojson'), 'utf8')) as SpainOutline;

  it('prisons-es.generated.ts holds exactly the rows of prisons-es.csv', () => {
    if (!parsed.ok) throw new Error(`prisons-es.csv: ${parsed.code} on line ${parsed.line}`);
    expect(parsed.prisons).toHaveLength(79);
    expect(PRISONS_ES).toEqual(parsed.prisons);
    checkGenerated('prisons-es.generated.ts', renderPrisonsModule(parsed.prisons));
  });

  it('spain-outline.generated.ts holds exactly spain-outline.geojson', () => {
    expect(SPAIN_OUTLINE).toEqual(outline);
    checkGenerated('spain-outline.generated.ts', renderOutlineModule(outline));
  });
});
