import { AppError } from '../../shared/errors.js';
import { CDHT_PRESET, Mapping, templatePreset, type ImportKind, type MappingPreset } from '../../shared/titles-import.js';
import type { AppContext } from '../app/context.js';
import { newId } from '../db/ids.js';
import { inTransaction, writeAudit, type ReadDb } from '../db/records.js';
import type { TitleImportPresetsTable } from './import-presets.tables.js';

/**
 * Column mappings for the titles list imports: the shipped ones (the national
 * "Công dân học tập" software's form, and XHHT's own template) and those the
 * office saved for the sheets its communes send. Local to the office: another
 * office's communes head their sheets their own way.
 */

function toPreset(row: TitleImportPresetsTable): MappingPreset {
  return { id: row.id, kind: row.kind as ImportKind, name: row.name, columns: Mapping.parse(JSON.parse(row.columns)), builtIn: false };
}

export async function listPresets(db: ReadDb, kind: ImportKind): Promise<MappingPreset[]> {
  const saved = await db.selectFrom('titleImportPresets').selectAll().where('kind', '=', kind).orderBy('name').execute();
  // The evaluation template's headers depend on the criteria set, so it is not a fixed preset.
  const shipped = kind === 'person' ? [CDHT_PRESET, templatePreset(kind)] : kind === 'evaluation' ? [] : [templatePreset(kind)];
  return [...shipped, ...saved.map(toPreset)];
}

/** Saves the mapping under its name; a preset of the same kind and name is replaced. */
export function savePreset(ctx: AppContext, input: { kind: ImportKind; name: string; columns: Mapping }): Promise<MappingPreset> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('titleImportPresets').selectAll().where('kind', '=', input.kind).where('name', '=', input.name).executeTakeFirst();
    const row: TitleImportPresetsTable = {
      id: before?.id ?? newId(),
      kind: input.kind,
      name: input.name,
      columns: JSON.stringify(input.columns),
      updatedAt: ctx.clock.now().toISOString(),
    };
    if (before) await tx.updateTable('titleImportPresets').set(row).where('id', '=', row.id).execute();
    else await tx.insertInto('titleImportPresets').values(row).execute();
    await writeAudit(tx, ctx, { entity: 'titleImportPresets', recordId: row.id, before: before ?? null, after: row });
    return toPreset(row);
  });
}

export function deletePreset(ctx: AppContext, id: string): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    if (id.startsWith('builtin:')) throw new AppError('VALIDATION', 'Mẫu ghép cột có sẵn không xóa được.');
    const before = await tx.selectFrom('titleImportPresets').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu ghép cột (có thể đã bị xóa).');
    await tx.deleteFrom('titleImportPresets').where('id', '=', id).execute();
    await writeAudit(tx, ctx, { entity: 'titleImportPresets', recordId: id, before, after: null });
    return { id };
  });
}
