import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { sourceFiles } from './layers.js';

/** Imports that load code at run time: `import type` and `export type` load nothing and cannot form a cycle. */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (!match[2]) found.push(match[4]!);
  }
  return found;
}

/** The run-time import graph of main/, file by file, relative to the project root. */
export function mainImportGraph(root = '.'): Map<string, string[]> {
  const files = sourceFiles(root).filter((f) => f.startsWith('main/') && !/\.test\.ts$/.test(f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = runtimeImports(readFileSync(resolve(root, file), 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => relative(resolve(root), resolve(dirname(resolve(root, file)), s)).split(sep).join('/').replace(/\.js$/, '.ts'))
      .filter((t) => t.startsWith('main/'));
    graph.set(file, targets);
  }
  return graph;
}

/**
 * Folds a file graph into a graph between the folders of main/ (features and
 * infrastructure alike). A feature's `<feature>.tables.ts` counts as main/db's:
 * it declares schema that main/db joins and may import only main/db and shared.
 */
export function folderGraph(files: Map<string, string[]>): Map<string, Set<string>> {
  const folder = (f: string) => (/\.tables\.ts$/.test(f) ? 'db' : f.split('/')[1]!);
  const graph = new Map<string, Set<string>>();
  for (const [file, targets] of files) {
    const from = folder(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const t of targets) if (folder(t) !== from) graph.get(from)!.add(folder(t));
  }
  return graph;
}

/** Every cycle's nodes (strongly connected components of more than one node, or a node importing itself), by Tarjan's algorithm. */
export function cycles(graph: Map<string, Iterable<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || [...(graph.get(node) ?? [])].includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}
