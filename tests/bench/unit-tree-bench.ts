/**
 * The unit tree filter as the officer types "t", "ta", "tan", "tan h"…: the
 * renderer's own functions (build once, then filter and open ancestors per
 * keystroke) over 5,000 and 50,000 units. Aim: under 100 ms per keystroke.
 */
import { performance } from 'node:perf_hooks';
import type { UnitDto } from '../../shared/units.js';
import { ancestorsOfMatches, buildUnitTree, filterUnitTree } from '../../renderer/units/unitTree.js';

const SYLLABLES = ['Tân', 'Hồng', 'Phước', 'Thạnh', 'Bình', 'An', 'Hòa', 'Long', 'Mỹ', 'Đông', 'Tây', 'Thông', 'Lợi', 'Phú', 'Hưng', 'Định', 'Khánh', 'Quới'];
const TYPED = ['t', 'ta', 'tan', 'tan ', 'tan h', 'tan ho', 'tan hon', 'tan hong', 'tan hon', 'tan ho', 'tan h', 'tan', 'b', 'bi', 'bin', 'binh', 'binh p', 'binh ph', 'binh phu'];

function territory(size: number): UnitDto[] {
  const unit = (id: string, parentId: string | null, type: string, name: string, code: string, depth: number): UnitDto => ({
    id, originOfficeId: 'o', createdAt: '', updatedAt: '', rev: 1, parentId, code, name, type, depth,
  });
  const units = [unit('root', null, 'Tỉnh', 'Đo Lường', '80', 0)];
  const communes = Math.ceil(size / 40);
  for (let c = 0; units.length < size && c < communes; c++) {
    const communeId = `c${c}`;
    units.push(unit(communeId, 'root', 'Xã', `${SYLLABLES[c % SYLLABLES.length]} ${SYLLABLES[(c * 7) % SYLLABLES.length]} ${c}`, `80-${c}`, 1));
    for (let h = 0; h < 39 && units.length < size; h++) {
      units.push(unit(`${communeId}-${h}`, communeId, 'Ấp', `${SYLLABLES[(c + h) % SYLLABLES.length]} ${SYLLABLES[(h * 5) % SYLLABLES.length]} ${h}`, `80-${c}-${h}`, 2));
    }
  }
  return units;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export function runUnitTreeBench(): void {
  for (const size of [5_000, 50_000]) {
    const units = territory(size);
    const t0 = performance.now();
    const roots = buildUnitTree(units);
    const build = performance.now() - t0;
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of TYPED) {
        const t = performance.now();
        filterUnitTree(roots, query);
        ancestorsOfMatches(roots, query);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    console.log(
      `  unit tree filter, ${size.toLocaleString('en')} units: build ${build.toFixed(1)} ms once; keystroke p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms (${times.length} keystrokes)`,
    );
  }
}
