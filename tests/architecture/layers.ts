import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layer rules of DESIGN.md, checked on import specifiers.
 * !!! Do not relax these rules: they keep the renderer away from Node, and shared/ pure. !!!
 */
export type Layer = 'shared' | 'main' | 'electron' | 'renderer' | 'tests' | 'scripts';

/** Every package the code may import, and the lowest layer allowed to. Adding a package means adding one reviewed line. */
export const PACKAGE_LAYERS: Record<string, Layer[]> = {
  zod: ['shared', 'main', 'electron', 'renderer', 'tests', 'scripts'],
  kysely: ['main', 'electron', 'tests'],
  'better-sqlite3': ['main', 'electron', 'tests'],
  exceljs: ['main', 'tests'],
  // Read as font files through require.resolve, not imported: listed so the dependency has a layer.
  '@fontsource/tinos': ['main'],
  'playwright-core': ['main', 'tests'],
  qrcode: ['main', 'tests'],
  yazl: ['main', 'tests'],
  yauzl: ['main', 'tests'],
  docx: ['main', 'tests'],
  electron: ['electron'],
  react: ['renderer'],
  'react-dom': ['renderer'],
  'react-router': ['renderer'],
  antd: ['renderer'],
  '@ant-design/icons': ['renderer'],
  '@tanstack/react-query': ['renderer'],
  dayjs: ['renderer'],
  echarts: ['renderer'],
  vite: ['scripts'],
  '@vitejs/plugin-react': ['scripts'],
  vitest: ['tests', 'scripts'],
  mammoth: ['tests'],
  '@playwright/test': ['tests', 'scripts'],
  '@axe-core/playwright': ['tests'],
  esbuild: ['scripts'],
  tsx: ['scripts'],
};

const FEATURE_INFRASTRUCTURE = new Set(['app', 'db', 'files', 'transport', 'printing', 'electron', 'cli', 'demo']);

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

/** Files the scan skips, each with its reason. This list only shrinks. */
export const EXCEPTIONS: Record<string, string> = {
  'tests/architecture/layers.ts': 'the checker itself; its import patterns are text, not imports',
  'tests/architecture/layers.test.ts': 'feeds forbidden imports to the checker as strings, to prove they are caught',
};

export function layerOf(file: string): Layer | null {
  // Build configuration runs in Node at build time, whatever folder it configures.
  if (/(^|\/)[^/]+\.config\.ts$/.test(file)) return 'scripts';
  const [top, second] = file.split(/[\\/]/);
  if (top === 'main') return second === 'electron' ? 'electron' : 'main';
  if (top === 'shared' || top === 'renderer' || top === 'tests' || top === 'scripts') return top;
  return null;
}

export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Checks one file's imports; `file` is relative to the project root with '/' separators. */
export function checkFile(file: string, source: string): Violation[] {
  const layer = layerOf(file);
  if (layer === null) return [{ file, specifier: '', reason: 'File belongs to no layer: move it under shared/, main/, renderer/, tests/ or scripts/' }];
  const violations: Violation[] = [];
  const typeOnly = new Set([...source.matchAll(/\bimport\s+type\s[^;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!));
  for (const specifier of importSpecifiers(source)) {
    // Tests may name Electron's types to fake what cannot run here; a type import loads nothing.
    if (layer === 'tests' && typeOnly.has(specifier) && !specifier.startsWith('.')) continue;
    // A test beside its code, in any layer, uses the test runner.
    if (specifier === 'vitest' && /\.test\.tsx?$/.test(file)) continue;
    const reason = specifier.startsWith('.') ? checkRelative(file, layer, specifier) : checkPackage(layer, specifier);
    if (reason) violations.push({ file, specifier, reason });
  }
  return violations;
}

function checkPackage(layer: Layer, specifier: string): string | null {
  if (specifier.startsWith('node:')) {
    return layer === 'shared' || layer === 'renderer' ? `${layer}/ must not use Node built-ins` : null;
  }
  const allowed = PACKAGE_LAYERS[packageName(specifier)];
  if (!allowed) return `Unclassified dependency "${packageName(specifier)}": add it to PACKAGE_LAYERS in tests/architecture/layers.ts`;
  return allowed.includes(layer) ? null : `${layer}/ may not import "${packageName(specifier)}"`;
}

function checkRelative(file: string, layer: Layer, specifier: string): string | null {
  const target = relative(resolve('.'), resolve(dirname(resolve(file)), specifier)).split(sep).join('/');
  if (target.startsWith('..')) return 'Imports from outside the project (../shared is documentation, not code)';
  const targetLayer = layerOf(target);
  const allowedTargets: Record<Layer, Layer[]> = {
    shared: ['shared'],
    main: ['main', 'shared'],
    electron: ['electron', 'main', 'shared'],
    renderer: ['renderer', 'shared'],
    tests: ['tests', 'main', 'electron', 'shared', 'renderer'],
    scripts: ['scripts', 'shared', 'renderer', 'main', 'tests'],
  };
  // A test beside its code keeps that code's layer but may use the shared test support.
  if (targetLayer === 'tests' && /\.test\.tsx?$/.test(file)) return null;
  if (targetLayer === null || !allowedTargets[layer].includes(targetLayer)) return `${layer}/ may not import ${targetLayer ?? 'that file'} (${target})`;
  return checkFeatureBoundary(file, target);
}

/** A main feature reaches another feature only through that feature's index.ts. */
function checkFeatureBoundary(file: string, target: string): string | null {
  const [fromTop, fromFeature] = file.split('/');
  const [toTop, toFeature, ...rest] = target.split('/');
  if (fromTop !== 'main' || toTop !== 'main' || !toFeature || fromFeature === toFeature) return null;
  if (FEATURE_INFRASTRUCTURE.has(toFeature) || rest.length === 0) return null;
  // A feature's public surface: its index, and its table declarations (row types and registrations, which main/db joins).
  const isPublic = rest.length === 1 && (/^index\.(js|ts)$/.test(rest[0]!) || /^[a-z-]+\.tables\.(js|ts)$/.test(rest[0]!));
  return isPublic ? null : `main/${fromFeature} reaches into main/${toFeature}; import from main/${toFeature}/index.js instead`;
}

export function sourceFiles(root = '.'): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = dir ? `${dir}/${name}` : name;
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const top of ['shared', 'main', 'renderer', 'tests', 'scripts']) walk(top);
  return files;
}

export function checkProject(root = '.'): { files: number; violations: Violation[] } {
  const files = sourceFiles(root).filter((f) => !(f in EXCEPTIONS));
  const violations = files.flatMap((f) => checkFile(f, readFileSync(join(root, f), 'utf8')));
  return { files: files.length, violations };
}
