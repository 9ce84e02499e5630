import { USUAL_AGENCIES } from '../../shared/agencies.js';
import { AppError } from '../../shared/errors.js';
import { DEFAULT_LEVEL_NAMES, type OfficeDto } from '../../shared/office.js';
import type { z } from 'zod';
import type { OfficeSetupInput as SetupSchema, OfficeUpdateInput as UpdateSchema } from '../../shared/office.js';
import { createAgencyInTx } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { newId } from '../db/ids.js';
import { inTransaction, writeAudit, type ReadDb } from '../db/records.js';
import type { OfficeTable } from './office.tables.js';
import { createUnitInTx, reindexUnitTree } from '../units/index.js';
import { ensureOfficeKey } from './office.keys.js';


export async function loadOffice(db: ReadDb): Promise<OfficeDto | null> {
  const row = await db.selectFrom('office').selectAll().executeTakeFirst();
  return row ? toOfficeDto(row) : null;
}

function toOfficeDto(row: OfficeTable): OfficeDto {
  return { ...row, levelNames: JSON.parse(row.levelNames) as string[] };
}

/**
 * First run: creates the office with its territory as the root unit, its
 * signing key pair and the agencies plans usually name, in one transaction.
 * Two setups racing on one folder leave one office: the key is created only if
 * absent, and the office row is re-checked under the write lock.
 */
export async function setUpOffice(ctx: AppContext, input: z.output<typeof SetupSchema>): Promise<OfficeDto> {
  if (await loadOffice(ctx.db)) throw alreadySetUp();
  const officeId = newId(ctx.clock.now().getTime());
  const publicKey = ensureOfficeKey(ctx.dataDir);
  ctx.rememberOffice(officeId);
  try {
    return await inTransaction(ctx, async (tx) => {
      if (await loadOffice(tx)) throw alreadySetUp();
      const root = await createUnitInTx(tx, ctx, {
        parentId: null,
        code: input.territoryCode,
        name: input.territoryName,
        type: input.territoryType,
      });
      const now = ctx.clock.now().toISOString();
      const row: OfficeTable = {
        id: officeId,
        name: input.name,
        code: input.code,
        level: input.level,
        rootUnitId: root.id,
        provinceName: input.provinceName,
        levelNames: JSON.stringify(input.levelNames ?? DEFAULT_LEVEL_NAMES[input.level]),
        publicKey,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insertInto('office').values(row).execute();
      await writeAudit(tx, ctx, { entity: 'office', recordId: officeId, before: null, after: row });
      await reindexUnitTree(tx, root.id);
      for (const agency of USUAL_AGENCIES) await createAgencyInTx(tx, ctx, agency);
      return toOfficeDto(row);
    });
  } catch (error) {
    // The key stays: it is the one on disk whoever won, and a later setup reuses it.
    ctx.rememberOffice('');
    throw error;
  }
}

function alreadySetUp(): AppError {
  return new AppError('ALREADY_SET_UP', 'Cơ quan đã được thiết lập trên máy này.');
}

export async function updateOffice(ctx: AppContext, input: z.output<typeof UpdateSchema>): Promise<OfficeDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('office').selectAll().executeTakeFirst();
    if (!before) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập.');
    const changes = { name: input.name, provinceName: input.provinceName, levelNames: JSON.stringify(input.levelNames), updatedAt: ctx.clock.now().toISOString() };
    await tx.updateTable('office').set(changes).where('id', '=', before.id).execute();
    const after = { ...before, ...changes };
    await writeAudit(tx, ctx, { entity: 'office', recordId: before.id, before, after });
    if (before.provinceName !== input.provinceName) await reindexUnitTree(tx, before.rootUnitId);
    return toOfficeDto(after);
  });
}
