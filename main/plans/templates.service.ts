import type { PlanDto } from '../../shared/plans.js';
import type { AppContext } from '../app/context.js';
import { readBundledTemplate } from './template-files.js';
import { importTemplate } from './template-import.js';
import { parseTemplate } from './template-validate.js';

/** Checks a template file fully before anything is written, then imports it in one transaction. */
export function importTemplateFile(ctx: AppContext, fileName: string, content: string): Promise<PlanDto> {
  return importTemplate(ctx, parseTemplate(fileName, content));
}

export function importBundledTemplate(ctx: AppContext, name: string): Promise<PlanDto> {
  const { fileName, content } = readBundledTemplate(name);
  return importTemplateFile(ctx, fileName, content);
}
