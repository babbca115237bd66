import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../../shared/demo';
import { exportedNetwork, type ExportedNetwork } from '../../../shared/export';
import { buildGraph, degree, pageRank } from '../../../shared/graph';
import { nodeIo, type CliIo } from './cli-io';
import { runExport } from './export';

/**
 * Our GraphML read by Debian's networkx 2.8.8 (under /usr/bin/python3, where apt installs it; the
 * test command installs it on a fresh machine, and this test fails rather than skips without it):
 * counts, declared types, the marking, the "as of" selection, and metrics computed by networkx on
 * the file equal Vigía's own on the same network.
 */
const PYTHON = '/usr/bin/python3';
const TODAY = '2026-11-24';
const quiet: CliIo = { ...nodeIo, stdout: () => undefined, stderr: () => undefined, now: () => new Date(`${TODAY}T10:00:00Z`) };
const demo = () => generateDemoCase({ size: 270, today: TODAY, seed: 1 });
let dir: string;

const READ = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
u = nx.Graph()
u.add_nodes_from(g.nodes)
for a, b, d in g.edges(data=True):
    w = d["weight"]
    if u.has_edge(a, b): u[a][b]["weight"] += w
    else: u.add_edge(a, b, weight=w)
edge = next(iter(g.edges(data=True)))[2]
node = next(n for n in g.nodes(data=True) if "expected_release_year" in n[1])[1]
print(json.dumps({
  "kind": type(g).__name__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "graph": {k: v for k, v in g.graph.items() if isinstance(v, str)},
  "types": {"directed": type(edge["directed"]).__name__, "weight": type(edge["weight"]).__name__, "year": type(edge["year"]).__name__,
            "release_year": type(node["expected_release_year"]).__name__, "name": type(node["name"]).__name__},
  "undirected_links": sum(1 for _, _, d in g.edges(data=True) if d["directed"] is False),
  "degree": dict(u.degree()),
  "pagerank": nx.pagerank(u, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
}))
`;

interface NetworkxView {
  kind: string;
  nodes: number;
  edges: number;
  graph: Record<string, string>;
  types: Record<string, string>;
  undirected_links: number;
  degree: Record<string, number>;
  pagerank: Record<string, number>;
}

async function exportAndRead(args: string[]): Promise<NetworkxView> {
  const out = join(dir, `${args.join('-') || 'case'}.graphml`);
  expect(await runExport(['--demo', '--format', 'graphml', '--out', out, ...args], quiet, { generateDemoCase: demo })).toBe(0);
  return JSON.parse(execFileSync(PYTHON, ['-c', READ, out], { encoding: 'utf8', maxBuffer: 64 << 20 })) as NetworkxView;
}

function ours(asOf?: string): ExportedNetwork {
  const snapshot = demo();
  return exportedNetwork(snapshot, snapshot.cases[0]!.id, { exportedOn: TODAY, ...(asOf ? { asOf } : {}) });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const READ_GEXF = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
d = sys.argv[2]
def present(spells):
    return spells is None or any(s <= d <= e for s, e in spells)
edge = next(iter(g.edges(data=True)))[2]
print(json.dumps({
  "kind": type(g).__name__, "mode": g.graph.get("mode"), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
  "directed_type": type(edge["directed"]).__name__,
  "present_on": sorted(n for n, a in g.nodes(data=True) if present(a.get("spells"))),
  "links_on": sorted(a["id"] for _, _, a in g.edges(data=True) if "start" in a and a["start"] <= d),
}))
`;

describe('GEXF 1.2 in networkx 2.8.8', () => {
  it('reads the dynamic network, and on a date holds the links the network view shows and the people it places in a prison', async () => {
    const out = join(dir, 'case.gexf');
    expect(await runExport(['--demo', '--format', 'gexf', '--out', out], quiet, { generateDemoCase: demo })).toBe(0);
    const on = '2022-06-01';
    const read = JSON.parse(execFileSync(PYTHON, ['-c', READ_GEXF, out, on], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
      kind: string; mode: string; nodes: number; edges: number; directed_type: string; present_on: string[]; links_on: string[];
    };
    const whole = ours();
    expect([read.kind, read.mode, read.nodes, read.edges, read.directed_type]).toEqual(['MultiDiGraph', 'dynamic', whole.persons.length, whole.links.length, 'bool']);
    const asOf = ours(on);
    expect(read.links_on).toEqual(asOf.links.map((l) => l.id).sort());
    const withStays = new Set(whole.stays.map((s) => s.personId));
    // People with stays are present on the days a stay covers; the view places them in that prison.
    expect(read.present_on).toEqual(asOf.persons.filter((p) => p.prisonId !== '' || !withStays.has(p.id)).map((p) => p.id).sort());
  });
});

describe('GraphML in networkx 2.8.8', () => {
  it('reads every person and link with their declared types and the highest marking they hold', async () => {
    const read = await exportAndRead([]);
    const network = ours();
    expect(read.kind).toBe('MultiDiGraph');
    expect([read.nodes, read.edges]).toEqual([network.persons.length, network.links.length]);
    // The demo is RESERVADO, but some links cite protected witnesses' statements, marked SECRETO.
    expect(read.graph).toMatchObject({ case: 'Operación Celosía', marking: 'SECRETO', exported_on: TODAY, scope: 'case' });
    expect(read.types).toEqual({ directed: 'bool', weight: 'int', year: 'int', release_year: 'int', name: 'str' });
    expect(read.undirected_links).toBe(network.links.filter((l) => !l.directed).length);
    expect(read.undirected_links).toBeGreaterThan(0);
  });

  it('computes the same degree and PageRank as Vigía on the exported network', async () => {
    const read = await exportAndRead([]);
    const network = ours();
    const graph = buildGraph(
      network.persons.map((p) => p.id),
      network.links.map((l) => ({ source: l.source, target: l.target, weight: l.weight })),
    );
    const deg = degree(graph);
    const rank = pageRank(graph).values;
    network.persons.forEach((p, v) => {
      expect(read.degree[p.id], p.id).toBe(deg[v]);
      expect(Math.abs(read.pagerank[p.id]! - rank[v]!), p.id).toBeLessThan(1e-8);
    });
  });

  it('released up to RESERVADO: marked RESERVADO, without the links only the SECRETO statements support', async () => {
    const read = await exportAndRead(['--release-up-to', 'RESERVADO']);
    const snapshot = demo();
    const secret = new Set(snapshot.sources.filter((s) => s.marking === 'SECRETO').map((s) => s.id));
    const onlySecret = snapshot.links.filter((l) => l.sourceIds.length > 0 && l.sourceIds.every((id) => secret.has(id)));
    expect(onlySecret.length).toBeGreaterThan(0);
    expect(read.graph.marking).toBe('RESERVADO');
    expect([read.nodes, read.edges]).toEqual([snapshot.persons.length, snapshot.links.length - onlySecret.length]);
  });

  it('as of a date holds what the network view shows for that date', async () => {
    const read = await exportAndRead(['--as-of', '2022-06-01']);
    const network = ours('2022-06-01');
    expect(network.links.length).toBeLessThan(ours().links.length);
    expect([read.nodes, read.edges]).toEqual([network.persons.length, network.links.length]);
    expect(read.graph.as_of).toBe('2022-06-01');
  });
});
