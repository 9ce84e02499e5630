import { AppError } from '../../shared/errors.js';
import type { AreaDto, CriteriaSetDto } from '../../shared/titles.js';
import { AreaKind, CriteriaSetDefinition, TITLE_LABELS } from '../../shared/titles-criteria.js';
import { SAMPLE_SETS } from '../../shared/titles-samples.js';
import { foldText } from '../../shared/text.js';
import type { AppContext } from '../app/context.js';
import { newId } from '../db/ids.js';
import { inTransaction, insertRecord, loadLiveRow, syncLinks, updateRecord, withoutTombstone, type ReadDb, type Tx } from '../db/records.js';
import type { CriteriaSetsTable } from './titles.tables.js';
import { loadPlaces, placeOf } from './places.js';

export interface LoadedSet {
  row: CriteriaSetsTable;
  definition: CriteriaSetDefinition;
}

/** A stored definition is re-read through the schema, so a hand-edited database cannot score with a broken set. */
function parseDefinition(row: CriteriaSetsTable): CriteriaSetDefinition {
  const parsed = CriteriaSetDefinition.safeParse(JSON.parse(row.definition));
  if (!parsed.success) throw new AppError('INTERNAL', `Bộ tiêu chí "${row.name}" (phiên bản ${row.version}) lưu trong dữ liệu không hợp lệ.`);
  return parsed.data;
}

export async function loadSet(db: ReadDb, id: string): Promise<LoadedSet> {
  const row = await loadLiveRow(db, 'criteriaSets', id, 'Không tìm thấy bộ tiêu chí (có thể đã bị xóa).');
  return { row, definition: parseDefinition(row) };
}

export async function listSets(db: ReadDb): Promise<CriteriaSetDto[]> {
  const rows = await db.selectFrom('criteriaSets').selectAll().where('deletedAt', 'is', null).orderBy('title').orderBy('name').orderBy('version', 'desc').execute();
  const counts = new Map(
    (await db.selectFrom('titleEvaluations').select(['criteriaSetId', (eb) => eb.fn.countAll<number>().as('n')]).where('deletedAt', 'is', null).groupBy('criteriaSetId').execute()).map(
      (r) => [r.criteriaSetId, Number(r.n)],
    ),
  );
  return rows.map((row) => toDto(row, counts.get(row.id) ?? 0));
}

async function countEvaluations(db: ReadDb, setId: string): Promise<number> {
  const row = await db.selectFrom('titleEvaluations').select((eb) => eb.fn.countAll<number>().as('n')).where('criteriaSetId', '=', setId).where('deletedAt', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

function toDto(row: CriteriaSetsTable, evaluationCount: number): CriteriaSetDto {
  const { familyId, version, current, sampleKey, id, originOfficeId, createdAt, updatedAt, rev } = withoutTombstone(row);
  return { id, originOfficeId, createdAt, updatedAt, rev, familyId, version, current: current === 1, sampleKey, definition: parseDefinition(row), evaluationCount };
}

function columnsOf(definition: CriteriaSetDefinition) {
  return {
    title: definition.title,
    subjectGroup: definition.group,
    name: definition.name,
    fromYear: definition.fromYear,
    toYear: definition.toYear,
    definition: JSON.stringify(definition),
  };
}

async function insertVersion(tx: Tx, ctx: AppContext, definition: CriteriaSetDefinition, family: { familyId: string; version: number; sampleKey: string | null }): Promise<CriteriaSetsTable> {
  return insertRecord(tx, ctx, 'criteriaSets', { ...family, ...columnsOf(definition), current: 1 });
}

/** Installs the shipped samples this office does not have yet (by sample key, whatever version it now holds). */
export function installSamples(ctx: AppContext): Promise<{ installed: number }> {
  return inTransaction(ctx, async (tx) => {
    const have = new Set((await tx.selectFrom('criteriaSets').select('sampleKey').where('sampleKey', 'is not', null).execute()).map((r) => r.sampleKey));
    let installed = 0;
    for (const sample of SAMPLE_SETS) {
      if (have.has(sample.key)) continue;
      await insertVersion(tx, ctx, sample.definition, { familyId: newId(ctx.clock.now().getTime()), version: 1, sampleKey: sample.key });
      installed++;
    }
    return { installed };
  });
}

/**
 * Saves a set. Editing a version adds the next version and retires the edited
 * one from new evaluations; the evaluations already scored keep pointing at the
 * version they used, so their results never change under them.
 */
export function saveSet(ctx: AppContext, fromId: string | null, definition: CriteriaSetDefinition): Promise<CriteriaSetDto> {
  return inTransaction(ctx, async (tx) => {
    if (fromId === null) return toDto(await insertVersion(tx, ctx, definition, { familyId: newId(ctx.clock.now().getTime()), version: 1, sampleKey: null }), 0);
    const { row: from } = await loadSet(tx, fromId);
    if (JSON.stringify(parseDefinition(from)) === JSON.stringify(definition)) return toDto(from, await countEvaluations(tx, from.id));
    const family = await tx.selectFrom('criteriaSets').selectAll().where('familyId', '=', from.familyId).where('deletedAt', 'is', null).execute();
    for (const row of family.filter((r) => r.current === 1)) await updateRecord(tx, ctx, 'criteriaSets', row, { current: 0 });
    const version = Math.max(...family.map((r) => r.version)) + 1;
    return toDto(await insertVersion(tx, ctx, definition, { familyId: from.familyId, version, sampleKey: from.sampleKey }), 0);
  });
}

/** The set as a JSON file another office can import; the format is the definition itself. */
export async function exportSet(db: ReadDb, id: string): Promise<{ fileName: string; content: string }> {
  const { row, definition } = await loadSet(db, id);
  const name = foldText(`${TITLE_LABELS[definition.title]} ${definition.group} v${row.version}`).replace(/ /g, '-').slice(0, 80);
  return { fileName: `bo-tieu-chi-${name}.json`, content: `${JSON.stringify({ format: 'xhht-bo-tieu-chi', version: 1, set: definition }, null, 2)}\n` };
}

export function importSet(ctx: AppContext, content: string): Promise<CriteriaSetDto> {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new AppError('IMPORT_INVALID', 'Tệp bộ tiêu chí không phải JSON hợp lệ.');
  }
  const envelope = json as { format?: unknown; set?: unknown };
  if (typeof json !== 'object' || json === null || envelope.format !== 'xhht-bo-tieu-chi') {
    throw new AppError('IMPORT_INVALID', 'Tệp không phải bộ tiêu chí XHHT (thiếu "format": "xhht-bo-tieu-chi").');
  }
  const parsed = CriteriaSetDefinition.safeParse(envelope.set);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: ['set', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message }));
    throw new AppError('IMPORT_INVALID', `Bộ tiêu chí không hợp lệ: ${issues[0]!.path.join(' › ')}: ${issues[0]!.message}`, { issues });
  }
  return saveSet(ctx, null, parsed.data);
}

export async function listAreas(db: ReadDb): Promise<AreaDto[]> {
  const rows = await db.selectFrom('titleAreas').select(['unitId', 'area']).where('deletedAt', 'is', null).execute();
  return rows.map((r) => ({ unitId: r.unitId, area: AreaKind.parse(r.area) }));
}

/** The commune's area; communes never set are ordinary. */
export async function areaOf(db: ReadDb, communeId: string | null): Promise<AreaKind> {
  if (communeId === null) return 'thuong';
  const row = await db.selectFrom('titleAreas').select('area').where('unitId', '=', communeId).where('deletedAt', 'is', null).executeTakeFirst();
  return row ? AreaKind.parse(row.area) : 'thuong';
}

export function setArea(ctx: AppContext, unitId: string, area: AreaKind): Promise<AreaDto> {
  return inTransaction(ctx, async (tx) => {
    const place = placeOf(await loadPlaces(tx), unitId);
    if (place.depth !== 1) throw new AppError('VALIDATION', `${place.name} không phải đơn vị cấp xã: vùng khó khăn đặt cho xã.`);
    await syncLinks(tx, ctx, 'titleAreas', { unitId }, [{ unitId, area }]);
    return { unitId, area };
  });
}
