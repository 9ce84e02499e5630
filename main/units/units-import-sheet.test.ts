import { describe, expect, it } from 'vitest';
import { packUnits, unpackUnits, type SheetUnit } from './units-import-sheet.js';

describe('units packed between threads', () => {
  it.each<[string, SheetUnit[]]>([
    ['no units', []],
    ['a unit with figures', [{ row: 2, code: '870-01', name: 'Sa Rài', level: 'Thị trấn', parentCode: '870', year: 2025, figures: { households: 5200, clans: 60, adults: 15000, workingAge: 12000, officials: 130, organisations: 21 } }]],
    ['a unit without figures or year', [{ row: 5, code: '870-01-01', name: 'Khóm 1', level: 'Khóm', parentCode: '', year: null, figures: null }]],
    [
      'zeros kept apart from no figures, in order',
      [
        { row: 3, code: 'A', name: 'Ấp A', level: 'Ấp', parentCode: 'X', year: 2024, figures: { households: 0, clans: 0, adults: 0, workingAge: 0, officials: 0, organisations: 0 } },
        { row: 4, code: 'B', name: 'Ấp B', level: 'Ấp', parentCode: 'X', year: null, figures: null },
      ],
    ],
  ])('come back as they left: %s', (_, units) => {
    const back = unpackUnits(structuredClone(packUnits(units)));
    expect(back).toEqual(units);
    // The figures' keys in the schema's order, as the writer's column lists expect.
    for (const [i, u] of back.entries()) expect(Object.keys(u.figures ?? {})).toEqual(Object.keys(units[i]!.figures ?? {}));
  });
});
