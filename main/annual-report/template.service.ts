import { AnnualReportTemplate, defaultTemplate } from '../../shared/annual-report.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { newId } from '../db/ids.js';
import { inTransaction, writeAudit, type ReadDb } from '../db/records.js';
import { loadOffice } from '../office/index.js';
import { loadLiveUnit } from '../units/index.js';
import type { AnnualReportTemplatesTable } from './annual-report.tables.js';

/** The office's saved wording, or the shipped one filled with the office's name and territory. */
export async function loadTemplate(db: ReadDb): Promise<{ template: AnnualReportTemplate; saved: boolean }> {
  const row = await db.selectFrom('annualReportTemplates').selectAll().executeTakeFirst();
  if (row) return { template: AnnualReportTemplate.parse(JSON.parse(row.body)), saved: true };
  const office = await loadOffice(db);
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập. Hãy hoàn tất bước thiết lập ban đầu.');
  const root = await loadLiveUnit(db, office.rootUnitId);
  return { template: defaultTemplate({ name: office.name, territory: `${root.type.toLocaleLowerCase('vi')} ${root.name}`, place: root.name }), saved: false };
}

/** Replaces the office's one template (the input was checked against the schema, placeholders included). */
export function saveTemplate(ctx: AppContext, template: AnnualReportTemplate): Promise<AnnualReportTemplate> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.selectFrom('annualReportTemplates').selectAll().executeTakeFirst();
    const row: AnnualReportTemplatesTable = { id: before?.id ?? newId(), body: JSON.stringify(template), updatedAt: ctx.clock.now().toISOString() };
    if (before) await tx.updateTable('annualReportTemplates').set(row).where('id', '=', row.id).execute();
    else await tx.insertInto('annualReportTemplates').values(row).execute();
    await writeAudit(tx, ctx, { entity: 'annualReportTemplates', recordId: row.id, before: before ?? null, after: row });
    return template;
  });
}
