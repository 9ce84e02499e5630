import type { ReadDb } from '../db/records.js';
import { loadAnnualFigures } from './figures.js';
import { buildReportDocx } from './report-docx.js';
import { loadTemplate } from './template.service.js';

/** The year's report as .docx bytes with the file name the office would give it. */
export async function reportDocx(db: ReadDb, year: number, today: string): Promise<{ fileName: string; bytes: Buffer }> {
  const [{ template }, figures] = await Promise.all([loadTemplate(db), loadAnnualFigures(db, year, today)]);
  return { fileName: `Bao-cao-ket-qua-nam-${year}.docx`, bytes: await buildReportDocx(template, figures, today) };
}
