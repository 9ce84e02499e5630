import type { AgencyDto, AgencyFields } from '../../shared/agencies.js';
import { AGENCY_KIND_LABELS } from '../../shared/agencies.js';
import { AppError } from '../../shared/errors.js';
import { foldText } from '../../shared/text.js';
import type { AppContext } from '../app/context.js';
import { AGENCY_REFERENCE_FINDERS, describeReferences } from '../app/references.js';
import { assertRevision, bumpedSyncColumns, inTransaction, newSyncColumns, writeAudit, type ReadDb, type Tx } from '../db/rows.js';
import type { AgenciesTable } from '../db/schema.js';
import { indexForSearch, removeFromSearch } from '../search/index.js';

const AGENCY_COLUMNS = ['id', 'originOfficeId', 'createdAt', 'updatedAt', 'rev', 'name', 'shortName', 'kind', 'contact'] as const;

export function listAgencies(db: ReadDb): Promise<AgencyDto[]> {
  return db
    .selectFrom('agencies')
    .select(AGENCY_COLUMNS)
    .where('deletedAt', 'is', null)
    .execute()
    .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, 'vi')));
}

async function loadLiveAgency(db: ReadDb, id: string): Promise<AgenciesTable> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy cơ quan (có thể đã bị xóa).');
  return row;
}

async function assertNameFree(db: ReadDb, name: string, exceptId: string | null): Promise<void> {
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('deletedAt', 'is', null).execute();
  const folded = foldText(name);
  if (rows.some((r) => r.id !== exceptId && foldText(r.name) === folded)) {
    throw new AppError('CONFLICT', `Đã có cơ quan tên "${name}"`, { issues: [{ path: ['name'], message: 'Tên cơ quan đã có' }] });
  }
}

function searchEntryOf(row: AgencyDto) {
  return { entity: 'agency' as const, recordId: row.id, label: row.name, detail: AGENCY_KIND_LABELS[row.kind], text: row.shortName };
}

export async function createAgencyInTx(tx: Tx, ctx: AppContext, fields: AgencyFields): Promise<AgencyDto> {
  await assertNameFree(tx, fields.name, null);
  const row: AgenciesTable = { ...newSyncColumns(ctx), ...fields };
  await tx.insertInto('agencies').values(row).execute();
  await indexForSearch(tx, searchEntryOf(row));
  await writeAudit(tx, ctx, { operation: 'agencies.create', entity: 'agency', recordId: row.id, before: null, after: row });
  return toDto(row);
}

export function createAgency(ctx: AppContext, fields: AgencyFields): Promise<AgencyDto> {
  return inTransaction(ctx, (tx) => createAgencyInTx(tx, ctx, fields));
}

export function updateAgency(ctx: AppContext, input: AgencyFields & { id: string; rev: number }): Promise<AgencyDto> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveAgency(tx, input.id);
    assertRevision(before, input.rev, 'Cơ quan');
    await assertNameFree(tx, input.name, input.id);
    const after: AgenciesTable = { ...before, name: input.name, shortName: input.shortName, kind: input.kind, contact: input.contact, ...bumpedSyncColumns(ctx, before) };
    await tx.updateTable('agencies').set(after).where('id', '=', input.id).execute();
    await indexForSearch(tx, searchEntryOf(after));
    await writeAudit(tx, ctx, { operation: 'agencies.update', entity: 'agency', recordId: input.id, before, after });
    return toDto(after);
  });
}

export function deleteAgency(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveAgency(tx, input.id);
    assertRevision(before, input.rev, 'Cơ quan');
    const uses = await describeReferences(tx, input.id, AGENCY_REFERENCE_FINDERS);
    if (uses.length > 0) {
      throw new AppError('IN_USE', `Không thể xóa "${before.name}" vì đang được giao việc: ${uses.join('; ')}.`, { uses });
    }
    const after = { ...before, ...bumpedSyncColumns(ctx, before), deletedAt: ctx.clock.now().toISOString() };
    await tx.updateTable('agencies').set(after).where('id', '=', input.id).execute();
    await removeFromSearch(tx, input.id);
    await writeAudit(tx, ctx, { operation: 'agencies.delete', entity: 'agency', recordId: input.id, before, after });
    return { id: input.id };
  });
}

function toDto(row: AgenciesTable): AgencyDto {
  const { deletedAt: _deleted, ...dto } = row;
  return dto;
}
