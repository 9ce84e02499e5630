import { formatDateVi } from '../../shared/dates.js';
import { describeDeadline } from '../../shared/deadlines.js';
import { PLAN_KIND_LABELS, type PlanKind } from '../../shared/plan-model.js';
import type { TaskRow } from '../../shared/tasks.js';
import { foldText } from '../../shared/text.js';
import { listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { listComponentPlans, loadLivePlan, type PlansTable } from '../plan-documents/index.js';
import { listTargets } from '../targets/index.js';
import { loadTaskRows } from '../tasks/index.js';
import { assignmentTableHtml, buildAnnexesHtml, type AnnexHeader, type AssignmentRow } from './assignment-table.html.js';
import { targetsTableHtml } from './targets-table.js';
import { tinosFontFaces } from '../printing/tinos-font.js';

const upper = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');

/**
 * The issuer's name block as Nghị định 30/2020 prints it: the full name in
 * capitals, a People's Committee on two lines, a department under the
 * committee of its province.
 * @example issuerBlock('Ủy ban nhân dân huyện Tân Hồng') → { parentBody: null, issuerLines: ['ỦY BAN NHÂN DÂN', 'HUYỆN TÂN HỒNG'] }
 */
export function issuerBlock(issuer: string): Pick<AnnexHeader, 'parentBody' | 'issuerLines'> {
  const committee = /^\s*(?:ủy|uỷ) ban nhân dân\s+(.+)$/i.exec(issuer);
  if (committee) return { parentBody: null, issuerLines: ['ỦY BAN NHÂN DÂN', upper(committee[1]!)] };
  const department = /^\s*(sở\s.+?)\s+((?:tỉnh|thành phố)\s.+)$/i.exec(issuer);
  if (department) return { parentBody: `UBND ${upper(department[2]!)}`, issuerLines: [upper(department[1]!)] };
  return { parentBody: null, issuerLines: [upper(issuer)] };
}

const KIND_CODES: Record<PlanKind, string> = { ke_hoach: 'KH', de_an: 'ĐA', chuong_trinh: 'CTr', quyet_dinh: 'QĐ', khac: '…' };

/**
 * "Kèm theo Kế hoạch số 4344/KH-UBND ngày 22 tháng 12 năm 2021 của Ủy ban nhân dân Thành phố Hồ Chí Minh";
 * a number or date the plan lacks is left as dots for the officer to fill in by hand.
 */
export function attachedToLine(plan: Pick<PlansTable, 'kind' | 'number' | 'issuedOn' | 'issuer'>): string {
  const kind = (plan.kind in PLAN_KIND_LABELS ? plan.kind : 'khac') as PlanKind;
  const issuerCode = /^\s*(?:ủy|uỷ) ban nhân dân/i.test(plan.issuer) ? 'UBND' : '…';
  const number = plan.number?.trim() || `…/${KIND_CODES[kind]}-${issuerCode}`;
  // Nghị định 30: a day below 10 and the months 1 and 2 take a leading zero ("ngày 03 tháng 6", "tháng 02").
  const [y, m, d] = plan.issuedOn ? plan.issuedOn.split('-').map(Number) : [];
  const day = d === undefined ? '…' : String(d).padStart(2, '0');
  const month = m === undefined ? '…' : m < 3 ? String(m).padStart(2, '0') : String(m);
  const year = y === undefined ? '…' : String(y);
  return `Kèm theo ${PLAN_KIND_LABELS[kind]} số ${number} ngày ${day} tháng ${month} năm ${year} của ${plan.issuer}`;
}

/** What the annex reads of a task, in outline order. */
export type PrintedTask = Pick<TaskRow, 'id' | 'parentId' | 'number' | 'text' | 'leadAgencyName' | 'coordinatorAgencyNames' | 'ownerNote' | 'deadline'>;

const COORDINATION_NOTE = /^\s*phối hợp\s*:?\s*/i;

/**
 * Every task of the plan in outline order, with the plan's own numbers and
 * headings, so the annex reads as the plan does. A task's owner note is the
 * plan's wording of a group owner ("UBND các xã, thị trấn") or of vague
 * partners ("Phối hợp: các cơ quan liên quan"); each goes in its own column.
 */
export function assignmentRows(tasks: PrintedTask[]): AssignmentRow[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const hasChild = new Set(tasks.flatMap((t) => (t.parentId !== null && byId.has(t.parentId) ? [t.parentId] : [])));
  const depthOf = (t: PrintedTask) => {
    let depth = 0;
    for (let p = t.parentId; p !== null && byId.has(p) && depth < 12; p = byId.get(p)!.parentId) depth++;
    return depth;
  };
  return tasks
    .map((t) => {
      const coordination = COORDINATION_NOTE.test(t.ownerNote) ? t.ownerNote.replace(COORDINATION_NOTE, '').trim() : '';
      const groupOwner = coordination === '' ? t.ownerNote.trim() : '';
      return {
        number: t.number.trim(),
        depth: depthOf(t),
        heading: hasChild.has(t.id),
        content: t.text,
        lead: t.leadAgencyName ?? groupOwner,
        // The note words the same partners the agencies name, plus vague ones; it stands in only when no agency is named.
        coordinators: t.coordinatorAgencyNames.length > 0 ? t.coordinatorAgencyNames.join(', ') : coordination,
        completion: t.deadline ? describeDeadline(t.deadline) : '',
      };
    });
}

/** The annexes of a plan (assignment table, targets with their figures) as one A4-landscape PDF, base64 for the transport. */
export async function printAssignments(ctx: AppContext, planId: string): Promise<{ fileName: string; pdfBase64: string }> {
  const today = ctx.clock.today();
  const plan = await loadLivePlan(ctx.db, planId);
  const [tasks, targets, components, agencies] = await Promise.all([
    loadTaskRows(ctx.db, [plan], today),
    listTargets(ctx.db, planId, today),
    listComponentPlans(ctx.db, planId),
    listAgencies(ctx.db),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const componentRows = components.map((c) => ({
    content: c.issuingBody ? `${c.content} (cơ quan ban hành: ${c.issuingBody})` : c.content,
    lead: c.leadAgencyId ? (agencyName.get(c.leadAgencyId) ?? '') : '',
    coordinators: c.coordinatorsNote || c.coordinatorAgencyIds.map((id) => agencyName.get(id) ?? '').join(', '),
    completion: c.completion ? describeDeadline(c.completion) : '',
  }));
  const header: AnnexHeader = { ...issuerBlock(plan.issuer), attachedTo: attachedToLine(plan) };
  const html = buildAnnexesHtml(
    header,
    [
      { numeral: 'I', title: 'BẢNG PHÂN CÔNG NHIỆM VỤ', subtitle: '', tableHtml: assignmentTableHtml(assignmentRows(tasks), componentRows) },
      {
        numeral: 'II',
        title: 'MỤC TIÊU, MỐC VÀ KẾT QUẢ THỰC HIỆN',
        subtitle: `Số liệu tính đến ngày ${formatDateVi(today)}`,
        tableHtml: targetsTableHtml(targets, plan),
      },
    ],
    tinosFontFaces(),
  );
  const pdf = await ctx.printer.printToPdf(html, { landscape: true });
  const name = foldText(plan.number ?? plan.title).replace(/[^a-z0-9]+/g, '-').slice(0, 50).replace(/^-|-$/g, '');
  return { fileName: `phu-luc-${name}.pdf`, pdfBase64: pdf.toString('base64') };
}
