import { formatDateVi } from '../../shared/dates.js';
import { describeDeadline } from '../../shared/deadlines.js';
import { PLAN_KIND_LABELS } from '../../shared/plan-model.js';
import { foldText } from '../../shared/text.js';
import { listAgencies } from '../agencies/index.js';
import type { AppContext } from '../app/context.js';
import { loadTaskRows } from '../tasks/index.js';
import { buildAssignmentTableHtml, type AssignmentRow, type AssignmentTable } from './assignment-table.html.js';
import { listComponentPlans } from '../plan-documents/index.js';
import { loadLivePlan } from '../plan-documents/index.js';
import { tinosFontFaces } from './tinos-font.js';

/** "Ủy ban nhân dân huyện Tân Hồng" → "UBND HUYỆN TÂN HỒNG", as the issuer block prints it. */
export function issuerBlock(issuer: string): string {
  return issuer.replace(/^\s*ủy ban nhân dân|^\s*uỷ ban nhân dân/i, 'UBND').toLocaleUpperCase('vi');
}

async function loadTable(ctx: AppContext, planId: string): Promise<AssignmentTable> {
  const plan = await loadLivePlan(ctx.db, planId);
  const tasks = (await loadTaskRows(ctx.db, [plan], ctx.clock.today())).filter((t) => t.leadAgencyId !== null || t.deadline !== null);
  const agencyName = new Map((await listAgencies(ctx.db)).map((a) => [a.id, a.name]));
  const taskRows: AssignmentRow[] = tasks.map((t) => ({
    content: t.text,
    lead: t.leadAgencyName ?? t.ownerNote,
    coordinators: t.coordinatorAgencyNames.join(', '),
    completion: t.deadline ? describeDeadline(t.deadline) : '',
  }));
  const components: AssignmentRow[] = (await listComponentPlans(ctx.db, planId)).map((c) => ({
    content: c.issuingBody ? `${c.content} (cơ quan ban hành: ${c.issuingBody})` : c.content,
    lead: c.leadAgencyId ? (agencyName.get(c.leadAgencyId) ?? '') : '',
    coordinators: c.coordinatorsNote || c.coordinatorAgencyIds.map((id) => agencyName.get(id) ?? '').join(', '),
    completion: c.completion ? describeDeadline(c.completion) : '',
  }));
  const kind = PLAN_KIND_LABELS[plan.kind as keyof typeof PLAN_KIND_LABELS] ?? 'Kế hoạch';
  const attachedTo = `(Kèm theo ${kind} số ${plan.number ?? '.../...'} ngày ${plan.issuedOn ? formatDateVi(plan.issuedOn) : '.../.../...'} của ${plan.issuer})`;
  return { issuer: issuerBlock(plan.issuer), attachedTo, planTitle: plan.title, tasks: taskRows, components };
}

/** The assignment table of a plan as an A4-landscape PDF, base64 for the transport. */
export async function printAssignments(ctx: AppContext, planId: string): Promise<{ fileName: string; pdfBase64: string }> {
  const table = await loadTable(ctx, planId);
  const pdf = await ctx.printer.printToPdf(buildAssignmentTableHtml(table, tinosFontFaces()), { landscape: true });
  const plan = await loadLivePlan(ctx.db, planId);
  const name = foldText(plan.number ?? plan.title).replace(/ /g, '-').slice(0, 50);
  return { fileName: `bang-phan-cong-${name}.pdf`, pdfBase64: pdf.toString('base64') };
}
