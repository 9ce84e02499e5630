import { AUDIT_ACTION_LABELS, MAX_JOURNAL_EXPORT_ROWS, describeChange, entityLabel, recordLabelOf, type AuditEntryDto, type JournalFilter, type JournalPage } from '../../shared/audit.js';
import { addDays, formatDateVi, localDayStart, type IsoDate } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import type { Selectable } from 'kysely';
import type { ReadDb } from '../db/records.js';
import type { AuditLogTable } from '../db/schema.js';
import { officeNameOf, writeXlsx, xlsxFile } from '../xlsx/index.js';
import type { XlsxFile } from '../../shared/list-export.js';

type AuditRow = Selectable<AuditLogTable>;

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

async function accountNames(db: ReadDb): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('accounts').select(['login', 'name']).execute()).map((a) => [a.login, a.name]));
}

function toEntry(row: AuditRow, names: Map<string, string>): AuditEntryDto {
  const before = parse(row.before);
  const after = parse(row.after);
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    actorName: names.get(row.actor) ?? null,
    operation: row.operation,
    entity: row.entity,
    entityLabel: entityLabel(row.entity),
    recordId: row.recordId,
    recordLabel: recordLabelOf(after) || recordLabelOf(before),
    ...describeChange(before, after, row.entity),
  };
}

/** Every change of one record, newest first. */
export async function recordHistory(db: ReadDb, recordId: string): Promise<AuditEntryDto[]> {
  const rows = await db.selectFrom('auditLog').selectAll().where('recordId', '=', recordId).orderBy('seq', 'desc').limit(1000).execute();
  const names = await accountNames(db);
  return rows.map((r) => toEntry(r, names));
}

function filtered(db: ReadDb, filter: JournalFilter) {
  let query = db.selectFrom('auditLog');
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  // The officer picks days on the office clock; audit instants are UTC, so a day's bounds move with the zone.
  if (filter.from) query = query.where('at', '>=', localDayStart(filter.from));
  if (filter.to) query = query.where('at', '<', localDayStart(addDays(filter.to, 1)));
  return query;
}

export async function journal(db: ReadDb, input: JournalFilter & { offset: number; limit: number }): Promise<JournalPage> {
  const base = filtered(db, input);
  const rows = await base.selectAll().orderBy('seq', 'desc').offset(input.offset).limit(input.limit).execute();
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const names = await accountNames(db);
  const actors = (await db.selectFrom('auditLog').select('actor').distinct().orderBy('actor').execute()).map((a) => ({ actor: a.actor, name: names.get(a.actor) ?? null }));
  for (const [login, name] of names) if (!actors.some((a) => a.actor === login)) actors.push({ actor: login, name });
  const entities = (await db.selectFrom('auditLog').select('entity').distinct().execute()).map((e) => ({ entity: e.entity, label: entityLabel(e.entity) }));
  entities.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { rows: rows.map((r) => toEntry(r, names)), total, actors, entities };
}

const localTime = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;

/** The filters as the journal's filter bar names them, for the sheet's heading. */
function filterLines(filter: JournalFilter, names: Map<string, string>): string[] {
  const lines: string[] = [];
  if (filter.actor) lines.push(`Người thực hiện: ${names.get(filter.actor) ?? filter.actor} (${filter.actor})`);
  if (filter.entity) lines.push(`Loại bản ghi: ${entityLabel(filter.entity)}`);
  if (filter.from || filter.to) lines.push(`Ngày: ${filter.from ? `từ ${formatDateVi(filter.from)}` : ''}${filter.from && filter.to ? ' ' : ''}${filter.to ? `đến ${formatDateVi(filter.to)}` : ''}`);
  return lines;
}

/** The filtered journal as a workbook, newest first; one row per change, its fields in one cell as "Nhãn: trước → sau". */
export async function exportJournal(db: ReadDb, filter: JournalFilter, today: IsoDate): Promise<XlsxFile> {
  const base = filtered(db, filter);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  if (total > MAX_JOURNAL_EXPORT_ROWS) {
    throw new AppError('VALIDATION', `Nhật ký lọc được ${total.toLocaleString('vi-VN')} dòng, quá ${MAX_JOURNAL_EXPORT_ROWS.toLocaleString('vi-VN')} dòng một tệp; hãy thu hẹp khoảng ngày hoặc chọn người, loại bản ghi.`);
  }
  const names = await accountNames(db);
  const rows = await base.selectAll().orderBy('seq', 'desc').execute();
  const content = await writeXlsx([
    {
      name: 'Nhật ký thay đổi',
      heading: { title: 'Nhật ký thay đổi', office: await officeNameOf(db), filters: filterLines(filter, names), date: today },
      columns: [
        { header: 'Thời điểm (UTC)', width: 20 },
        { header: 'Người thực hiện', width: 24 },
        { header: 'Tên đăng nhập', width: 16 },
        { header: 'Việc', width: 11 },
        { header: 'Loại bản ghi', width: 24 },
        { header: 'Bản ghi', width: 36 },
        { header: 'Thay đổi (trước → sau)', width: 70, wrap: true },
        { header: 'Thao tác', width: 24 },
        { header: 'Mã bản ghi', width: 38 },
      ],
      rows: rows.map((row) => {
        const e = toEntry(row, names);
        const changes = e.changes.map((c) => (e.action === 'created' ? `${c.label}: ${c.after}` : `${c.label}: ${c.before} → ${c.after}`)).join('\n');
        return [localTime(e.at), e.actorName ?? e.actor, e.actor, AUDIT_ACTION_LABELS[e.action], e.entityLabel, e.recordLabel, changes, e.operation, e.recordId];
      }),
    },
  ]);
  return xlsxFile('Nhật ký thay đổi', content, rows.length);
}
