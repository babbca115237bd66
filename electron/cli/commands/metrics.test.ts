import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMetrics } from './metrics';

const FIXTURES = join(__dirname, '../../../test/fixtures/graphs');
const at = (name: string) => join(FIXTURES, name);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runMetrics(argv, {
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

interface JsonReport {
  summary: { people: number; links: number; betweenness: string; communities: number; modularity: number };
  persons: { id: string; name: string; degree: number; betweenness: number; closeness: number; pagerank: number; community: number }[];
}

describe('metrics command', () => {
  it('reports networkx’s values for the Les Misérables network read from CSV', async () => {
    const { code, stdout, stderr } = await run('--persons', at('les-miserables-persons.csv'), '--links', at('les-miserables-links.csv'), '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    const expected = (JSON.parse(await readFile(at('les-miserables.json'), 'utf8')) as {
      expected: Record<'degree' | 'betweenness' | 'closeness' | 'pagerank', Record<string, number>>;
    }).expected;
    expect(report.summary).toMatchObject({ people: 77, links: 254, betweenness: 'exact' });
    expect(report.persons.length).toBe(77);
    for (const person of report.persons) {
      expect(person.degree).toBe(expected.degree[person.id]);
      expect(person.betweenness).toBeCloseTo(expected.betweenness[person.id]!, 6);
      expect(person.closeness).toBeCloseTo(expected.closeness[person.id]!, 6);
      expect(person.pagerank).toBeCloseTo(expected.pagerank[person.id]!, 6);
    }
    expect(report.persons[0]!.name).toBe('Valjean');
  });

  it('prints a table, highest betweenness first, from RFC 4180 CSV with quotes, CRLF and a BOM', async () => {
    const { code, stdout } = await run('--persons', at('cli-persons.csv'), '--links', at('cli-links.csv'));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+degree\s+betweenness\s+closeness\s+pagerank\s+community$/);
    // lead and bas both sit between two pairs; lead's higher PageRank breaks the tie.
    expect(lines[1]).toMatch(/^lead\s+El Cheikh, "the teacher"\s+2\s+0\.666667\s+0\.750000\s+0\.335803\s+0$/);
    expect(lines[2]).toMatch(/^bas\s+Bas\s+2\s+0\.666667\s/);
    // A line break inside a quoted name is shown, not obeyed.
    expect(stdout).toContain('Ali\\u000d\\u000aBenali');
    expect(lines.at(-1)).toMatch(/^4 people, 3 linked pairs, \d+ communities \(modularity -?\d\.\d{4}\)$/);
  });

  it('says when betweenness is a sampled estimate', async () => {
    const { code, stdout } = await run('--persons', at('cli-persons.csv'), '--links', at('cli-links.csv'), '--json', '--sample=2');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonReport).summary.betweenness).toBe('estimate from 2 sampled people');
  });

  it.each([
    [['--persons', 'cli-persons.csv', '--links', 'cli-links-unknown-person.csv'], 'metrics: links file, line 3: target "zed" is not an id in the persons file'],
    [['--persons', 'cli-persons.csv', '--links', 'cli-links-bad-weight.csv'], 'metrics: links file, line 2: weight "many" is not a positive number'],
    [['--persons', 'cli-persons-missing-name.csv', '--links', 'cli-links.csv'], 'metrics: persons file: missing column "name" in the header row'],
    [['--persons', 'cli-persons.csv', '--links', 'no-such-file.csv'], `metrics: links file ${at('no-such-file.csv')}: file not found`],
  ])('rejects hostile input with one line and exit code 1 (%#)', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv.map((a) => (a.endsWith('.csv') ? at(a) : a)));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('rejects a broken quote as invalid CSV, on one line', async () => {
    const { code, stderr } = await run('--persons', at('cli-persons.csv'), '--links', at('cli-links-bad-quote.csv'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^metrics: links file .*cli-links-bad-quote\.csv: not valid CSV: Quote Not Closed[^\n]*\n$/);
  });

  it('explains its usage when arguments are missing or unknown (exit code 2)', async () => {
    for (const argv of [[], ['--persons', 'p.csv'], ['--persons', 'p.csv', '--links', 'l.csv', '--frobnicate'], ['--persons', 'p.csv', '--links', 'l.csv', '--sample', '0']]) {
      const { code, stderr } = await run(...argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^metrics: .+\nusage: metrics --persons/);
    }
  });
});
