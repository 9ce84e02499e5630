import type { AgencyDto, AgencyFields } from '../../shared/agencies.js';
import { AGENCY_KIND_LABELS } from '../../shared/agencies.js';
import { AppError } from '../../shared/errors.js';
import { foldText } from '../../shared/text.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, tombstoneRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import { assertUnreferenced } from '../db/references.js';
import type { AgenciesTable } from './agencies.tables.js';
import { indexForSearch } from '../search/index.js';

const AGENCY_COLUMNS = ['id', 'originOfficeId', 'createdAt', 'updatedAt', 'rev', 'name', 'shortName', 'kind', 'contact'] as const;

export function listAgencies(db: ReadDb): Promise<AgencyDto[]> {
  return db
    .selectFrom('agencies')
    .select(AGENCY_COLUMNS)
    .where('deletedAt', 'is', null)
    .execute()
    .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, 'vi')));
}

function loadLiveAgency(db: ReadDb, id: string): Promise<AgenciesTable> {
  return loadLiveRow(db, 'agencies', id, 'Không tìm thấy cơ quan (có thể đã bị xóa).');
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
  const row = await insertRecord(tx, ctx, 'agencies', fields);
  await indexForSearch(tx, searchEntryOf(row));
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
    const after = await updateRecord(tx, ctx, 'agencies', before, { name: input.name, shortName: input.shortName, kind: input.kind, contact: input.contact });
    await indexForSearch(tx, searchEntryOf(after));
    return toDto(after);
  });
}

export function deleteAgency(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveAgency(tx, input.id);
    assertRevision(before, input.rev, 'Cơ quan');
    await assertUnreferenced(tx, 'agencies', input.id, `"${before.name}"`);
    await tombstoneRecord(tx, ctx, 'agencies', before);
    return { id: input.id };
  });
}

function toDto(row: AgenciesTable): AgencyDto {
  const { deletedAt: _deleted, ...dto } = row;
  return dto;
}
