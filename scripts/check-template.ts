/** Checks one plan template file and prints what it holds: `npx tsx scripts/check-template.ts FILE`. */
import { readFileSync } from 'node:fs';
import { PlanTemplate, checkTemplateReferences } from '../shared/plan-template.js';

const file = process.argv[2];
if (!file) {
  console.error('Cách dùng: tsx scripts/check-template.ts TỆP.json');
  process.exit(2);
}
const parsed = PlanTemplate.safeParse(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const issues = checkTemplateReferences(parsed.data);
for (const issue of issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
const t = parsed.data;
const assignments = t.tasks.reduce((n, task) => n + (task.lead ? 1 : 0) + task.coordinators.length, 0);
console.log(
  JSON.stringify({
    plan: `${t.plan.number ?? '(không số)'} ${t.plan.title}`,
    targets: t.targets.length,
    milestones: t.targets.reduce((n, x) => n + x.milestones.length, 0),
    tasks: t.tasks.length,
    tasksWithLead: t.tasks.filter((x) => x.lead).length,
    agencyAssignments: assignments,
    componentPlans: t.componentPlans.length,
    reportingDuties: t.reportingDuties.length,
    agencies: t.agencies.length,
  }),
);
process.exit(issues.length ? 1 : 0);
