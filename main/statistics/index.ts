import type { statisticsOps } from '../../shared/statistics.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { statisticsWorkbookBuffer } from './statistics.workbook.js';

/**
 * The year's statistical tables (biểu thống kê). `writeStatisticsWorkbook` is
 * what the yearly report's CLI calls for `--out F.xlsx`; the op gives the
 * renderer the same file to download.
 */
export { buildStatisticsWorkbook, statisticsWorkbookBuffer, writeStatisticsWorkbook, type StatisticsOptions, type StatisticsSummary } from './statistics.workbook.js';

export const statisticsHandlers: FeatureHandlers<typeof statisticsOps> = {
  'statistics.export': async (input, ctx) => {
    const { content, summary } = await statisticsWorkbookBuffer(ctx.db, { year: input.year, today: ctx.clock.today() });
    return { fileName: summary.fileName, contentBase64: content.toString('base64'), rows: summary.communes, year: summary.year, hasData: summary.hasData };
  },
};
