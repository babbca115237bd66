import type { GazetteerPrison, SpainOutline } from './types';

/**
 * The text of the generated modules. shared/ runs in the browser, workers and the Node CLI without
 * a bundler's CSV or JSON loaders, so the data ships as TypeScript; a unit test renders these from
 * the source files and fails when the committed modules drift from them.
 */
const HEADER = (source: string) =>
  `// Generated from ${source} by shared/gazetteer/generated-modules.test.ts. Do not edit by hand:\n` +
  `// change ${source}, then run \`VIGIA_REGENERATE=1 npx vitest run shared/gazetteer\`.\n`;

export function renderPrisonsModule(prisons: readonly GazetteerPrison[]): string {
  const rows = prisons.map((p) => {
    const fields = [
      `id: ${JSON.stringify(p.id)}`,
      `name: ${JSON.stringify(p.name)}`,
      `town: ${JSON.stringify(p.town)}`,
      `province: ${JSON.stringify(p.province)}`,
      `region: ${JSON.stringify(p.region)}`,
      `administration: ${JSON.stringify(p.administration)}`,
      `lat: ${p.lat}`,
      `lon: ${p.lon}`,
      `kind: ${JSON.stringify(p.kind)}`,
    ];
    return `  { ${fields.join(', ')} },\n`;
  });
  return (
    HEADER('prisons-es.csv') +
    `import type { GazetteerPrison } from './types';\n\n` +
    `/** Spanish prisons (79 rows; attribution and licences in README.md). */\n` +
    `export const PRISONS_ES: readonly GazetteerPrison[] = [\n${rows.join('')}];\n`
  );
}

export function renderOutlineModule(outline: SpainOutline): string {
  return (
    HEADER('spain-outline.geojson') +
    `import type { SpainOutline } from './types';\n\n` +
    `/** Spain's outline, Natural Earth 1:50m (public domain); see README.md. */\n` +
    `export const SPAIN_OUTLINE: SpainOutline = ${JSON.stringify(outline)};\n`
  );
}
