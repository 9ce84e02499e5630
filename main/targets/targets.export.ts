import { AppError } from '../../shared/errors.js';
import type { XlsxFile } from '../../shared/list-export.js';
import { PROGRESS_STATUS_LABELS, type MilestoneDto, type TargetDto } from '../../shared/targets.js';
import type { ReadDb } from '../db/records.js';
import { officeNameOf, writeXlsx, xlsxFile, type ListCell } from '../xlsx/index.js';
import { listTargets } from './target-list.js';

const milestoneText = (m: MilestoneDto | null) => (m ? m.wording || `${m.value}${m.kind === 'percent' ? '%' : ''} ${m.scope}`.trim() : '');

/** One row per target: its standing as the tab shows it (the milestone spoken of, the actual, the status). */
function targetRow(t: TargetDto): ListCell[] {
  const p = t.progress;
  return [t.section, t.code, t.text, t.populationLabel, milestoneText(p.milestone), p.milestoneYear, p.milestone?.value ?? null, p.actual?.value ?? null, p.actual?.year ?? null, PROGRESS_STATUS_LABELS[p.status], p.percent];
}

/** The plan's targets as its Mục tiêu tab lists them, and a sheet of each commune's standing on the per-commune ones. */
export async function exportTargets(db: ReadDb, planId: string, today: string): Promise<XlsxFile> {
  const plan = await db.selectFrom('plans').select(['title', 'number']).where('id', '=', planId).where('deletedAt', 'is', null).executeTakeFirst();
  if (!plan) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch (có thể đã bị xóa).');
  const targets = await listTargets(db, planId, today);
  const office = await officeNameOf(db);
  const planName = [plan.number, plan.title].filter(Boolean).join(' — ');
  const standing = [
    { header: 'Mốc đang xét', width: 30 },
    { header: 'Năm mốc', width: 8, type: 'integer' as const },
    { header: 'Giá trị mốc', width: 10, type: 'number' as const },
    { header: 'Thực hiện', width: 10, type: 'number' as const },
    { header: 'Năm số liệu', width: 8, type: 'integer' as const },
    { header: 'Tình trạng', width: 14 },
    { header: 'Tiến độ (%)', width: 9, type: 'number' as const },
  ];
  const content = await writeXlsx([
    {
      name: 'Mục tiêu',
      heading: { title: 'Danh sách mục tiêu', office, filters: [`Kế hoạch: ${planName}`], date: today },
      columns: [{ header: 'Mục', width: 20 }, { header: 'Mã', width: 8 }, { header: 'Mục tiêu', width: 50 }, { header: 'Tính trên', width: 14 }, ...standing],
      rows: targets.map(targetRow),
      landscape: true,
    },
    {
      name: 'Theo xã',
      heading: { title: 'Mục tiêu theo từng xã', office, filters: [`Kế hoạch: ${planName}`], date: today },
      columns: [{ header: 'Mã', width: 8 }, { header: 'Mục tiêu', width: 44 }, { header: 'Xã, phường', width: 20 }, ...standing],
      rows: targets.flatMap((t) =>
        t.communes.map((c): ListCell[] => [t.code, t.text, c.name, milestoneText(c.milestone), c.milestoneYear, c.milestone?.value ?? null, c.actual?.value ?? null, c.actual?.year ?? null, PROGRESS_STATUS_LABELS[c.status], c.percent]),
      ),
      landscape: true,
    },
  ]);
  return xlsxFile(`muc-tieu-${plan.number ?? plan.title}`, content, targets.length);
}
