import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

async function rootId() {
  return (await app.call('office.status', {})).office!.rootUnitId;
}

async function aCommune(code = '870-01', name = 'Sa Rài', type = 'Thị trấn') {
  return app.call('units.create', { parentId: await rootId(), code, name, type });
}

describe('units.create', () => {
  it('adds a commune and a hamlet under it, with depth and a tree in order', async () => {
    const commune = await aCommune();
    const hamlet = await app.call('units.create', { parentId: commune.id, code: '870-01-01', name: 'Khóm 1', type: 'Khóm' });
    expect(hamlet.depth).toBe(2);
    const tree = await app.call('units.tree', {});
    expect(tree.map((u) => [u.name, u.depth])).toEqual([
      ['Tân Hồng', 0],
      ['Sa Rài', 1],
      ['Khóm 1', 2],
    ]);
    expect(hamlet.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(hamlet.originOfficeId).toBe((await app.call('office.status', {})).office!.id);
  });

  it('refuses a code already used, naming the field', async () => {
    await aCommune();
    const error = await app.fail('units.create', { parentId: await rootId(), code: '870-01', name: 'Tân Hộ Cơ', type: 'Xã' });
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.issues?.[0]?.path).toEqual(['code']);
  });

  it('refuses invalid input with a Vietnamese message and writes nothing', async () => {
    const error = await app.fail('units.create', { parentId: await rootId(), code: 'có dấu', name: '', type: 'Xã' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => i.path[0])).toEqual(['code', 'name']);
    expect(error.message).toMatch(/Mã đơn vị chỉ gồm/);
    expect(await app.call('units.tree', {})).toHaveLength(1);
  });
});

describe('units.update and units.move', () => {
  it('renames, bumps the revision and refuses a stale revision', async () => {
    const commune = await aCommune();
    const renamed = await app.call('units.update', { id: commune.id, rev: 1, code: '870-01', name: 'Sa Rài mới', type: 'Thị trấn' });
    expect(renamed.rev).toBe(2);
    const stale = await app.fail('units.update', { id: commune.id, rev: 1, code: '870-01', name: 'Khác', type: 'Thị trấn' });
    expect(stale.code).toBe('STALE');
  });

  it('moves a hamlet to another commune and refuses moving a unit under its own descendant', async () => {
    const a = await aCommune();
    const b = await aCommune('870-02', 'Tân Hộ Cơ', 'Xã');
    const hamlet = await app.call('units.create', { parentId: a.id, code: 'H1', name: 'Gò Chòi', type: 'Ấp' });
    const moved = await app.call('units.move', { id: hamlet.id, rev: 1, parentId: b.id });
    expect(moved.parentId).toBe(b.id);
    const cycle = await app.fail('units.move', { id: b.id, rev: 1, parentId: hamlet.id });
    expect(cycle.code).toBe('VALIDATION');
    expect(cycle.message).toMatch(/chính nó/);
  });
});

describe('units.delete', () => {
  it('leaves a tombstone that keeps the row but hides it and frees the code', async () => {
    const commune = await aCommune();
    await app.call('units.delete', { id: commune.id, rev: 1 });
    expect((await app.call('units.tree', {})).map((u) => u.name)).toEqual(['Tân Hồng']);
    const row = await app.ctx.db.selectFrom('units').selectAll().where('id', '=', commune.id).executeTakeFirstOrThrow();
    expect(row.deletedAt).not.toBeNull();
    expect(row.rev).toBe(2);
    await expect(aCommune()).resolves.toMatchObject({ code: '870-01' });
  });

  it('is refused while hamlets still belong to the unit, saying what', async () => {
    const commune = await aCommune();
    await app.call('units.create', { parentId: commune.id, code: 'H1', name: 'Gò Chòi', type: 'Ấp' });
    const error = await app.fail('units.delete', { id: commune.id, rev: 1 });
    expect(error.code).toBe('IN_USE');
    expect(error.message).toContain('1 đơn vị trực thuộc');
  });

  it('refuses deleting the office territory', async () => {
    const error = await app.fail('units.delete', { id: await rootId(), rev: 1 });
    expect(error.code).toBe('IN_USE');
  });
});

describe('yearly figures and education status', () => {
  it('saves figures per year and replaces them on a second save', async () => {
    const commune = await aCommune();
    const figures = { households: 5200, clans: 60, adults: 15000, workingAge: 12000, officials: 130, organisations: 21 };
    await app.call('units.saveFigures', { unitId: commune.id, year: 2024, ...figures });
    const again = await app.call('units.saveFigures', { unitId: commune.id, year: 2024, ...figures, households: 5300 });
    expect(again.rev).toBe(2);
    const detail = await app.call('units.get', { id: commune.id });
    expect(detail.figures).toHaveLength(1);
    expect(detail.figures[0]).toMatchObject({ year: 2024, households: 5300 });
  });

  it('refuses negative figures with the field named', async () => {
    const commune = await aCommune();
    const error = await app.fail('units.saveFigures', { unitId: commune.id, year: 2024, households: -1, clans: 0, adults: 0, workingAge: 0, officials: 0, organisations: 0 });
    expect(error.details?.issues?.[0]).toEqual({ path: ['households'], message: 'Số hộ gia đình không được âm' });
  });

  it('keeps the education status of a commune per year', async () => {
    const commune = await aCommune();
    await app.call('units.saveEducation', { unitId: commune.id, year: 2025, literacyLevel: 2, preschoolUniversal: true, primaryLevel: 3, lowerSecondaryLevel: 2, learningCentreIT: false });
    const detail = await app.call('units.get', { id: commune.id });
    expect(detail.education[0]).toMatchObject({ year: 2025, literacyLevel: 2, preschoolUniversal: true, primaryLevel: 3, lowerSecondaryLevel: 2, learningCentreIT: false });
  });
});

describe('audit log', () => {
  it('writes one row per mutation with who, what, before and after', async () => {
    const commune = await aCommune();
    await app.call('units.update', { id: commune.id, rev: 1, code: '870-01', name: 'Sa Rài 2', type: 'Thị trấn' });
    const rows = await app.ctx.db.selectFrom('auditLog').selectAll().where('recordId', '=', commune.id).orderBy('seq').execute();
    expect(rows.map((r) => r.operation)).toEqual(['units.create', 'units.update']);
    expect(rows[1]!.actor).toBe('kiểm thử');
    expect(JSON.parse(rows[1]!.before!).name).toBe('Sa Rài');
    expect(JSON.parse(rows[1]!.after!).name).toBe('Sa Rài 2');
  });

  it('writes nothing, not even an audit row, when a mutation is refused', async () => {
    const before = await app.ctx.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await app.fail('units.create', { parentId: await rootId(), code: '870', name: 'Trùng mã', type: 'Xã' });
    const after = await app.ctx.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('tree rules', () => {
  it('refuses moving the top of a 70-deep chain under its own bottom, at once and naming the loop', async () => {
    let parent = await rootId();
    const ids: string[] = [];
    // Built straight in the table: the forms stop at 12 levels, but a file from elsewhere might not have.
    const office = (await app.call('office.status', {})).office!;
    const insert = app.ctx.sqlite.prepare(
      "INSERT INTO units (id, originOfficeId, createdAt, updatedAt, rev, deletedAt, parentId, code, name, type) VALUES (?, ?, '2022-01-01', '2022-01-01', 1, NULL, ?, ?, ?, 'Ấp')",
    );
    for (let i = 0; i < 70; i++) {
      const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      insert.run(id, office.id, parent, `C-${i}`, `Cấp ${i}`);
      ids.push(id);
      parent = id;
    }
    const error = await app.fail('units.move', { id: ids[0]!, rev: 1, parentId: ids[69]! });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('chính nó');
  });

  it('refuses a unit more than 12 levels below the territory', async () => {
    let parent = await rootId();
    for (let i = 1; i <= 12; i++) parent = (await app.call('units.create', { parentId: parent, code: `D-${i}`, name: `Cấp ${i}`, type: 'Ấp' })).id;
    const error = await app.fail('units.create', { parentId: parent, code: 'D-13', name: 'Cấp 13', type: 'Ấp' });
    expect(error.message).toContain('12 cấp');
  });

  it('refuses moving a branch where its deepest unit would pass 12 levels', async () => {
    const root = await rootId();
    let deep = root;
    for (let i = 1; i <= 10; i++) deep = (await app.call('units.create', { parentId: deep, code: `D-${i}`, name: `Cấp ${i}`, type: 'Ấp' })).id;
    const branch = await app.call('units.create', { parentId: root, code: 'B-1', name: 'Nhánh', type: 'Xã' });
    const leaf = await app.call('units.create', { parentId: branch.id, code: 'B-2', name: 'Lá', type: 'Ấp' });
    await app.call('units.create', { parentId: leaf.id, code: 'B-3', name: 'Lá con', type: 'Ấp' });
    const error = await app.fail('units.move', { id: branch.id, rev: branch.rev, parentId: deep });
    expect(error.message).toContain('12 cấp');
  });
});
