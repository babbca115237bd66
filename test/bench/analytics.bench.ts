/**
 * Analytics on a seeded random 10k-person / 50k-link network: our betweenness, PageRank and
 * Louvain against igraph's (C) on the same edge list, in the same run. Run by `npm run bench`
 * (or `npx tsx test/bench/analytics.bench.ts`). Prints medians and ratios; asserts nothing.
 *
 * VIGIA_BENCH_NODES / VIGIA_BENCH_LINKS change the size; VIGIA_BENCH_BETWEENNESS_RUNS (default 3)
 * the number of exact-betweenness runs on each side.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { betweenness, buildGraph, louvain, pageRank, seededRandom, type NetworkLinkInput } from '../../shared/graph';

const NODES = Number(process.env.VIGIA_BENCH_NODES ?? 10_000);
const LINKS = Number(process.env.VIGIA_BENCH_LINKS ?? 50_000);
const BETWEENNESS_RUNS = Number(process.env.VIGIA_BENCH_BETWEENNESS_RUNS ?? 3);
const FAST_RUNS = 7;
const PYTHON = '/usr/bin/python3';

function randomNetwork(nodes: number, links: number, seed: number): [number, number][] {
  const random = seededRandom(seed);
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  while (pairs.length < links) {
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    if (a === b) continue;
    const key = Math.min(a, b) * nodes + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b]);
  }
  return pairs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const IGRAPH_SCRIPT = `
import json, sys, time, statistics
import igraph
n, path, what, runs = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
edges = [tuple(map(int, line.split())) for line in open(path)]
g = igraph.Graph(n=n, edges=edges, directed=False)
def t(runs, f):
    out = []
    for _ in range(runs):
        s = time.perf_counter(); f(); out.append((time.perf_counter() - s) * 1000)
    return statistics.median(out)
work = {
    "betweenness": lambda: g.betweenness(directed=False),
    "pagerank": lambda: g.pagerank(damping=0.85),
    "louvain": lambda: g.community_multilevel(),
}
print(json.dumps({"version": igraph.__version__, "ms": t(runs, work[what])}))
`;

type Metric = 'betweenness' | 'pagerank' | 'louvain';

/** Why igraph cannot be run here, or null when it can. */
function igraphMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  try {
    execFileSync(PYTHON, ['-c', 'import igraph'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'python3-igraph is not installed';
  }
}

/** igraph's median time for one metric, timed inside Python (start-up and loading excluded). */
function igraphTime(edgeFile: string, metric: Metric, runs: number): { version: string; ms: number } {
  const out = execFileSync(PYTHON, ['-c', IGRAPH_SCRIPT, String(NODES), edgeFile, metric, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out) as { version: string; ms: number };
}

const pairs = randomNetwork(NODES, LINKS, 20181001);
const ids = Array.from({ length: NODES }, (_, i) => `p${i}`);
const links: NetworkLinkInput[] = pairs.map(([a, b]) => ({ source: `p${a}`, target: `p${b}` }));
const buildMs = time(3, () => buildGraph(ids, links));
const graph = buildGraph(ids, links);

console.log(`analytics: ${NODES} people, ${graph.edgeCount} links (seeded random), Node ${process.version}`);
console.log(`  build compact graph        ${buildMs.toFixed(0)} ms (median of 3)`);
const missing = igraphMissing();
const dir = mkdtempSync(join(tmpdir(), 'vigia-bench-'));
const edgeFile = join(dir, 'edges.txt');
writeFileSync(edgeFile, pairs.map(([a, b]) => `${a} ${b}`).join('\n'));
let igraphVersion = '';
try {
  const row = (label: string, mine: number, runs: number, theirs?: number) => {
    const against = theirs === undefined ? '' : `   igraph ${theirs.toFixed(0)} ms   ratio ${(mine / theirs).toFixed(2)}×`;
    console.log(`  ${label.padEnd(26)} ${mine.toFixed(0)} ms (median of ${runs})${against}`);
  };
  // Betweenness runs alternate with igraph's so that both sides see the same load on a shared machine.
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < BETWEENNESS_RUNS; i++) {
    ours.push(time(1, () => betweenness(graph)));
    if (!missing) {
      const result = igraphTime(edgeFile, 'betweenness', 1);
      igraphVersion = result.version;
      theirs.push(result.ms);
    }
  }
  row('betweenness (exact)', median(ours), BETWEENNESS_RUNS, missing ? undefined : median(theirs));
  const fast: [string, Metric, () => unknown][] = [
    ['pagerank (tol 1e-10)', 'pagerank', () => pageRank(graph, { weighted: false })],
    ['louvain', 'louvain', () => louvain(graph, { seed: 1 })],
  ];
  for (const [label, metric, work] of fast) {
    row(label, time(FAST_RUNS, work), FAST_RUNS, missing ? undefined : igraphTime(edgeFile, metric, FAST_RUNS).ms);
  }
  row('betweenness (500 pivots)', time(1, () => betweenness(graph, { samplePivots: 500, seed: 1 })), 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (missing) console.log(`  igraph comparison skipped: ${missing}`);
else console.log(`  igraph ${igraphVersion} via ${PYTHON}, same edge list, same run`);
