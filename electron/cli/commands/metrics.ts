import {
  betweenness,
  buildGraph,
  closeness,
  degree,
  describeNetworkTableError,
  louvain,
  pageRank,
  readNetworkTables,
  type NetworkRow,
} from '../../../shared/graph';
import { parseCsv } from './network-csv';

export interface MetricsIo {
  readFile(path: string): Promise<string>;
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = 'usage: metrics --persons PERSONS.csv --links LINKS.csv [--json] [--sample K]';

/** Exit codes: 0 done, 1 a problem with the input files, 2 a problem with the command itself. */
export async function runMetrics(argv: string[], io: MetricsIo): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    io.stderr(`metrics: ${options}\n${USAGE}\n`);
    return 2;
  }
  const personRows = await readCsv(io, 'persons', options.persons);
  if (typeof personRows === 'string') return fail(io, personRows);
  const linkRows = await readCsv(io, 'links', options.links);
  if (typeof linkRows === 'string') return fail(io, linkRows);
  const tables = readNetworkTables(personRows, linkRows);
  if (!tables.ok) return fail(io, describeNetworkTableError(tables.error));

  const { persons, links } = tables.value;
  const graph = buildGraph(
    persons.map((p) => p.id),
    links,
  );
  const between = betweenness(graph, options.sample === undefined ? {} : { samplePivots: options.sample, seed: 1 });
  const close = closeness(graph);
  const rank = pageRank(graph).values;
  const communities = louvain(graph, { seed: 1 });
  const deg = degree(graph);
  const report = persons.map((person, v) => ({
    id: person.id,
    name: person.name,
    degree: deg[v]!,
    betweenness: between.values[v]!,
    closeness: close[v]!,
    pagerank: rank[v]!,
    community: communities.community[v]!,
  }));
  // Highest betweenness first (then PageRank): the people who bridge the network matter most here.
  report.sort(
    (a, b) =>
      b.betweenness - a.betweenness || b.pagerank - a.pagerank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  if (options.json) {
    const summary = {
      people: graph.nodeCount,
      links: graph.edgeCount,
      betweenness: between.exact ? 'exact' : `estimate from ${between.pivots} sampled people`,
      communities: communities.communityCount,
      modularity: communities.modularity,
    };
    io.stdout(`${JSON.stringify({ summary, persons: report }, null, 2)}\n`);
    return 0;
  }
  const header = ['id', 'name', 'degree', 'betweenness', 'closeness', 'pagerank', 'community'];
  const rows = report.map((r) => [
    printable(r.id),
    printable(r.name),
    String(r.degree),
    r.betweenness.toFixed(6),
    r.closeness.toFixed(6),
    r.pagerank.toFixed(6),
    String(r.community),
  ]);
  io.stdout(table(header, rows));
  const estimate = between.exact ? '' : `; betweenness is an estimate from ${between.pivots} sampled people`;
  io.stdout(
    `${graph.nodeCount} people, ${graph.edgeCount} linked pairs, ${communities.communityCount} communities ` +
      `(modularity ${communities.modularity.toFixed(4)})${estimate}\n`,
  );
  return 0;
}

interface MetricsOptions {
  persons: string;
  links: string;
  json: boolean;
  sample?: number;
}

function parseArguments(argv: string[]): MetricsOptions | string {
  let persons: string | undefined;
  let links: string | undefined;
  let json = false;
  let sample: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case '--persons':
        persons = value();
        if (!persons) return '--persons needs a file';
        break;
      case '--links':
        links = value();
        if (!links) return '--links needs a file';
        break;
      case '--json':
        json = true;
        break;
      case '--sample': {
        const k = value() ?? '';
        if (!/^[1-9]\d*$/.test(k)) return '--sample needs a whole number of people, at least 1';
        sample = Number(k);
        break;
      }
      default:
        return `unknown option "${printable(arg)}"`;
    }
  }
  if (!persons) return 'missing --persons';
  if (!links) return 'missing --links';
  return sample === undefined ? { persons, links, json } : { persons, links, json, sample };
}

async function readCsv(io: MetricsIo, file: 'persons' | 'links', path: string): Promise<NetworkRow[] | string> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    return `${file} file ${printable(path)}: ${readProblem(error)}`;
  }
  const parsed = parseCsv(text);
  return parsed.ok ? parsed.rows : `${file} file ${printable(path)}: not valid CSV: ${parsed.reason}`;
}

function readProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return error instanceof Error ? error.message : 'cannot be read';
}

function fail(io: MetricsIo, reason: string): number {
  io.stderr(`metrics: ${reason.replace(/\s*\n\s*/g, ' ')}\n`);
  return 1;
}

/** Names come from the user's files: control characters (terminal escapes, line breaks) are shown, not obeyed. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const numeric = (c: number) => c >= 2;
  const line = (cells: string[]) =>
    `${cells.map((cell, c) => (numeric(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()}\n`;
  return [line(header), ...rows.map(line)].join('');
}
