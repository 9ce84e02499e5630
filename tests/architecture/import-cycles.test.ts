import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, mainImportGraph, runtimeImports } from './import-graph.js';

describe('import cycles in main/', () => {
  it('no two folders of main/ import each other, directly or round a loop', () => {
    const graph = mainImportGraph();
    expect(graph.size).toBeGreaterThan(60);
    // Fix a cycle by registering (main/db/tables.ts, references.ts) instead of importing the feature that needs you.
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it('table declarations import only main/db and shared, so main/db can join them', () => {
    const graph = mainImportGraph();
    const tableFiles = [...graph.keys()].filter((f) => f.endsWith('.tables.ts'));
    expect(tableFiles.length).toBeGreaterThan(7);
    const strays = tableFiles.flatMap((f) => graph.get(f)!.filter((t) => !t.startsWith('main/db/')).map((t) => `${f} → ${t}`));
    expect(strays).toEqual([]);
  });

  it('no file of main/ is part of an import loop', () => {
    expect(cycles(mainImportGraph())).toEqual([]);
  });

  it('finds a loop of three and ignores type-only imports', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
    expect(runtimeImports("import type { A } from './a.js';\nimport { b } from './b.js';\nexport { c } from './c.js';\nexport type { D } from './d.js';")).toEqual([
      './b.js',
      './c.js',
    ]);
  });
});
