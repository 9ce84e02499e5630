import { formatDateVi } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { describeDeadline } from '../../shared/deadlines.js';
import type { XlsxFile } from '../../shared/list-export.js';
import { TASK_STATUS_LABELS } from '../../shared/plan-model.js';
import { listAgencies } from '../agencies/index.js';
import type { ReadDb } from '../db/records.js';
import { loadLivePlan } from '../plan-documents/index.js';
import { loadUnitTree } from '../units/index.js';
import { officeNameOf, writeXlsx, xlsxFile, type ListCell } from '../xlsx/index.js';
import { listTaskRows, type TaskQuery } from './task-list.js';
import { listTaskOccurrences } from './task-occurrences.service.js';
import { findLiveTask } from './tasks.repo.js';

const ROLE_WORDS = { lead: 'chủ trì', support: 'phối hợp', any: 'chủ trì hoặc phối hợp' } as const;

/** The filters as the page's filter bar names them, for the sheet's heading. */
async function filterLines(db: ReadDb, f: TaskQuery): Promise<string[]> {
  const lines: string[] = [];
  if (f.planId) {
    const plan = await loadLivePlan(db, f.planId);
    lines.push(`Kế hoạch: ${[plan.number, plan.title].filter(Boolean).join(' — ')}`);
  }
  if (f.agencyId) {
    const agency = (await listAgencies(db)).find((a) => a.id === f.agencyId);
    lines.push(`Cơ quan: ${agency?.name ?? '(đã xóa)'} (${ROLE_WORDS[f.agencyRole]})`);
  }
  if (f.status?.length) lines.push(`Trạng thái: ${f.status.map((s) => TASK_STATUS_LABELS[s]).join(', ')}`);
  if (f.communeId) lines.push(`Xã, phường: ${(await loadUnitTree(db)).find((u) => u.id === f.communeId)?.name ?? '(đã xóa)'}`);
  if (f.dueFrom || f.dueTo) lines.push(`Thời hạn: ${f.dueFrom ? `từ ${formatDateVi(f.dueFrom)}` : ''}${f.dueFrom && f.dueTo ? ' ' : ''}${f.dueTo ? `đến ${formatDateVi(f.dueTo)}` : ''}`);
  if (f.overdueOnly) lines.push('Chỉ việc quá hạn');
  if (f.assignedOnly) lines.push('Chỉ việc đã giao (có cơ quan hoặc thời hạn)');
  return lines;
}

/** The task list as the page shows it: the same query and filters, one row per task, in the page's order. */
export async function exportTasks(db: ReadDb, filter: TaskQuery, today: string): Promise<XlsxFile> {
  const rows = await listTaskRows(db, filter, today);
  const content = await writeXlsx([
    {
      name: 'Nhiệm vụ',
      heading: { title: 'Danh sách nhiệm vụ', office: await officeNameOf(db), filters: await filterLines(db, filter), date: today },
      columns: [
        { header: 'Kế hoạch', width: 18 },
        { header: 'STT', width: 9 },
        { header: 'Nội dung', width: 60 },
        { header: 'Chủ trì', width: 22 },
        { header: 'Phối hợp', width: 26 },
        { header: 'Xã, phường', width: 20 },
        { header: 'Thời hạn', width: 22 },
        { header: 'Hạn (ngày)', width: 12, type: 'date' },
        { header: 'Trạng thái', width: 15 },
        { header: 'Quá hạn', width: 9 },
        { header: 'Hoàn thành (%)', width: 10, type: 'integer' },
      ],
      rows: rows.map((t) => [
        t.planNumber ?? t.planTitle,
        t.outlineNumber,
        t.text,
        t.leadAgencyName ?? '',
        t.coordinatorAgencyNames.join(', '),
        t.communeNames.join(', '),
        t.deadline ? describeDeadline(t.deadline) : '',
        t.dueDate,
        TASK_STATUS_LABELS[t.status],
        t.overdue ? 'Quá hạn' : '',
        t.percent,
      ]),
      landscape: true,
    },
  ]);
  return xlsxFile(`danh-sach-nhiem-vu-${today}`, content, rows.length);
}

/**
 * A task's occurrences as its "Theo dõi từng kỳ" dialog shows them: one row
 * per period, or for work owed by a group one row per member of each period.
 */
export async function exportOccurrences(db: ReadDb, taskId: string, today: string): Promise<XlsxFile> {
  const task = await findLiveTask(db, taskId);
  if (!task) throw new AppError('NOT_FOUND', 'Không tìm thấy nhiệm vụ (có thể đã bị xóa).');
  const occurrences = await listTaskOccurrences(db, taskId, today);
  const plan = await loadLivePlan(db, task.planId);
  const rows = occurrences.flatMap((o): ListCell[][] => {
    const period: ListCell[] = [o.label, o.year, o.dueDate, TASK_STATUS_LABELS[o.status], o.doneOn, o.overdue ? 'Quá hạn' : '', o.percent];
    if (o.members.length === 0) return [[...period, '', '', null, '']];
    return o.members.map((m) => [...period, m.name, m.done ? 'Đã thực hiện' : 'Chưa', m.on, m.late ? 'Trễ hạn' : '']);
  });
  const content = await writeXlsx([
    {
      name: 'Theo kỳ',
      heading: {
        title: `Theo dõi từng kỳ: ${[task.number, task.text].filter(Boolean).join(' ')}`.slice(0, 250),
        office: await officeNameOf(db),
        filters: [`Kế hoạch: ${[plan.number, plan.title].filter(Boolean).join(' — ')}`],
        date: today,
      },
      columns: [
        { header: 'Kỳ', width: 22 },
        { header: 'Năm', width: 7, type: 'integer' },
        { header: 'Hạn', width: 12, type: 'date' },
        { header: 'Trạng thái', width: 15 },
        { header: 'Xong ngày', width: 12, type: 'date' },
        { header: 'Quá hạn', width: 9 },
        { header: 'Hoàn thành (%)', width: 10, type: 'integer' },
        { header: 'Đơn vị', width: 26 },
        { header: 'Đơn vị đã thực hiện', width: 14 },
        { header: 'Đơn vị xong ngày', width: 12, type: 'date' },
        { header: 'Đơn vị trễ hạn', width: 10 },
      ],
      rows,
      landscape: true,
    },
  ]);
  return xlsxFile(`theo-doi-tung-ky-${task.number || 'nhiem-vu'}-${today}`, content, rows.length);
}
