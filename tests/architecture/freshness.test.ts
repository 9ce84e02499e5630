import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract.js';
import { TABLES } from '../../main/db/tables.js';
import { QUERY_READS, isStaleAfter } from '../../renderer/api/freshness.js';
import { createTestApp } from '../support/test-app.js';
import { dispatch } from '../../main/app/dispatch.js';

describe('fresh data after a write', () => {
  it('names only registered tables and read ops of the contract in the freshness map', () => {
    const tables = new Set(TABLES.map((t) => t.name));
    const unknown = Object.entries(QUERY_READS).flatMap(([op, reads]) => [
      ...(op in contract && contract[op as keyof typeof contract].kind === 'query' ? [] : [`${op} is not a read op`]),
      ...(reads ?? []).filter((t) => !tables.has(t)).map((t) => `${op} reads unknown table ${t}`),
    ]);
    expect(unknown).toEqual([]);
  });

  it.each([
    ['plans.get', ['unitEducation'], true],
    ['home.overview', ['unitEducation'], true],
    ['agencies.list', ['unitEducation'], false],
    ['search.query', ['agencies'], true],
    ['units.tree', [], false],
  ] as const)('%s is stale after a change to %j: %s', (op, changed, stale) => {
    expect(isStaleAfter(op, changed)).toBe(stale);
  });

  it('a write names the tables it changed, so the plan page and home chart refresh when a commune’s education status is saved', async () => {
    const app = await createTestApp({ today: '2026-11-25' });
    try {
      const root = (await app.call('office.status', {})).office!.rootUnitId;
      const commune = await app.call('units.create', { parentId: root, code: '870-01', name: 'Sa Rài', type: 'Thị trấn' });
      const envelope = await dispatch('units.saveEducation', { unitId: commune.id, year: 2026, literacyLevel: 2, preschoolUniversal: true, primaryLevel: 3, lowerSecondaryLevel: 2, learningCentreIT: true }, app.ctx);
      expect(envelope).toMatchObject({ ok: true, changed: ['unitEducation'] });
      const read = await dispatch('units.tree', {}, app.ctx);
      expect(read.ok && read.changed).toBeFalsy();
    } finally {
      await app.close();
    }
  });
});
