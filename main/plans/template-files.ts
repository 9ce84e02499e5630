import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors.js';
import { PlanTemplate } from '../../shared/plan-template.js';
import type { TemplateInfo } from '../../shared/plans.js';

/** The seed plans ship beside this file; the app runs from source, so the folder is found from the module's own URL. */
export const BUNDLED_TEMPLATES_DIR = fileURLToPath(new URL('./templates/', import.meta.url));

function bundledFileNames(): string[] {
  return readdirSync(BUNDLED_TEMPLATES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The bundled templates with what each holds; a file that does not parse is left out of the list. */
export function listBundledTemplates(): TemplateInfo[] {
  return bundledFileNames().flatMap((file) => {
    const parsed = PlanTemplate.safeParse(JSON.parse(readFileSync(join(BUNDLED_TEMPLATES_DIR, file), 'utf8')));
    if (!parsed.success) return [];
    const { plan, targets, tasks } = parsed.data;
    return [
      {
        name: file.replace(/\.json$/, ''),
        title: plan.title,
        number: plan.number,
        issuer: plan.issuer,
        period: `${plan.periodStart}–${plan.periodEnd}`,
        targets: targets.length,
        tasks: tasks.length,
      },
    ];
  });
}

/** The text of a bundled template by name ("tan-hong-2021-2030", with or without ".json"); only listed files can be read. */
export function readBundledTemplate(name: string): { fileName: string; content: string } {
  const fileName = name.endsWith('.json') ? name : `${name}.json`;
  if (!bundledFileNames().includes(fileName)) throw new AppError('NOT_FOUND', `Không có mẫu kế hoạch "${name}"`);
  return { fileName, content: readFileSync(join(BUNDLED_TEMPLATES_DIR, fileName), 'utf8') };
}
