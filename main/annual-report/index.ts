import { placeholderValues, reportOps } from '../../shared/annual-report.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { loadAnnualFigures } from './figures.js';
import { reportDocx } from './report-file.js';
import { loadTemplate, saveTemplate } from './template.service.js';

export { reportCommand, ReportArgs } from './report-command.js';

export const reportHandlers: FeatureHandlers<typeof reportOps> = {
  'report.get': async (input, ctx) => {
    const [{ template, saved }, figures] = await Promise.all([loadTemplate(ctx.db), loadAnnualFigures(ctx.db, input.year, ctx.clock.today())]);
    return { template, saved, figures, values: placeholderValues(figures) };
  },
  'report.saveTemplate': (input, ctx) => saveTemplate(ctx, input),
  'report.exportDocx': async (input, ctx) => {
    const file = await reportDocx(ctx.db, input.year, ctx.clock.today());
    return { fileName: file.fileName, docxBase64: file.bytes.toString('base64') };
  },
};
