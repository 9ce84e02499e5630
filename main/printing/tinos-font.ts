import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const SUBSETS = ['latin', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;

/**
 * @font-face rules for Tinos (metric-compatible with Times New Roman), regular
 * and bold, as data URLs: Chromium ignores file:// fonts after setContent, and
 * without a real bold face it paints a fake Type 3 bold.
 */
export function tinosFontFaces(): string {
  const require = createRequire(import.meta.url);
  return WEIGHTS.flatMap((weight) =>
    SUBSETS.map((subset) => {
      const file = require.resolve(`@fontsource/tinos/files/tinos-${subset}-${weight}-normal.woff2`);
      const data = readFileSync(file).toString('base64');
      return `@font-face{font-family:'Tinos';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');}`;
    }),
  ).join('\n');
}
