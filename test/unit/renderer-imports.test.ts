// The renderer's module graph, read from the source with the TypeScript compiler: the import rules
// that a per-file lint cannot see (cycles) are checked here. See docs/architecture.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const renderer = fileURLToPath(new URL('../../renderer/', import.meta.url));

interface Edge {
  to: string;
  /** `import type …`: erased at build time, so it cannot make a cycle at run time. */
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importGraph(): Map<string, Edge[]> {
  const files = sourceFiles(renderer);
  const known = new Set(files);
  const resolveSpecifier = (from: string, specifier: string) => {
    if (!specifier.startsWith('.')) return undefined;
    const base = resolve(dirname(from), specifier);
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((candidate) => known.has(candidate));
  };
  const graph = new Map<string, Edge[]>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const edges: Edge[] = [];
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const to = resolveSpecifier(file, statement.moduleSpecifier.text);
        if (to) edges.push({ to, typeOnly: statement.importClause?.isTypeOnly ?? false });
      } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const to = resolveSpecifier(file, statement.moduleSpecifier.text);
        if (to) edges.push({ to, typeOnly: statement.isTypeOnly });
      }
    }
    graph.set(file, edges);
  }
  return graph;
}

/** Strongly connected components of more than one node (Tarjan), each a set of names. */
function cycles<N>(nodes: Iterable<N>, next: (node: N) => Iterable<N>): N[][] {
  let counter = 0;
  const index = new Map<N, number>();
  const low = new Map<N, number>();
  const stack: N[] = [];
  const onStack = new Set<N>();
  const found: N[][] = [];
  const visit = (node: N) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const other of next(node)) {
      if (!index.has(other)) {
        visit(other);
        low.set(node, Math.min(low.get(node)!, low.get(other)!));
      } else if (onStack.has(other)) low.set(node, Math.min(low.get(node)!, index.get(other)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: N[] = [];
      let member: N;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

/** `features/<name>` for a feature's file, else the top folder under renderer/ (`store`, `db` …). */
function area(file: string): string {
  const [top, name] = relative(renderer, file).split('/');
  return top === 'features' ? `features/${name}` : (top ?? '');
}

describe('the renderer’s import graph', () => {
  const graph = importGraph();
  const named = (files: string[]) => files.map((file) => relative(renderer, file)).sort();

  it('has no import cycle between modules at run time', () => {
    const found = cycles(graph.keys(), (file) => graph.get(file)!.filter((edge) => !edge.typeOnly).map((edge) => edge.to));
    expect(found.map(named)).toEqual([]);
  });

  it('has no cycle between features, types included: features compose one way', () => {
    const areas = new Map<string, Set<string>>();
    for (const [file, edges] of graph) {
      const from = area(file);
      if (!from.startsWith('features/')) continue;
      for (const edge of edges) {
        const to = area(edge.to);
        if (to.startsWith('features/') && to !== from) areas.set(from, (areas.get(from) ?? new Set()).add(to));
      }
    }
    const found = cycles(areas.keys(), (feature) => areas.get(feature) ?? []);
    expect(found.map((component) => component.sort())).toEqual([]);
  });

  it('reads the real source (the graph is not empty and resolves imports)', () => {
    expect(graph.size).toBeGreaterThan(200);
    const workstation = [...graph.keys()].find((file) => file.endsWith('app/Workstation.tsx'))!;
    expect(graph.get(workstation)!.map((edge) => area(edge.to))).toContain('features/cases');
  });
});
