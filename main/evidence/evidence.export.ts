import { formatDateVi } from '../../shared/dates.js';
import { EVIDENCE_TYPE_LABELS, evidenceTypeOfMime, recordKindLabel } from '../../shared/evidence.js';
import { AppError } from '../../shared/errors.js';
import { MAX_EXPORT_ROWS, type XlsxFile } from '../../shared/list-export.js';
import { formatVietnameseNumber } from '../../shared/numbers.js';
import type { ReadDb } from '../db/records.js';
import { officeNameOf, writeXlsx, xlsxFile } from '../xlsx/index.js';
import { searchEvidence, type SearchInput } from './evidence.service.js';

function filterLines(input: Omit<SearchInput, 'limit'>): string[] {
  return [
    ...(input.trash ? ['Thùng rác'] : []),
    ...(input.text.trim() ? [`Tên tệp: “${input.text.trim()}”`] : []),
    ...(input.type ? [`Loại tệp: ${EVIDENCE_TYPE_LABELS[input.type]}`] : []),
    ...(input.recordTable ? [`Gắn với: ${recordKindLabel(input.recordTable)}`] : []),
    ...(input.from || input.to ? [`Ngày gắn: ${input.from ? `từ ${formatDateVi(input.from)}` : ''}${input.from && input.to ? ' ' : ''}${input.to ? `đến ${formatDateVi(input.to)}` : ''}`] : []),
  ];
}

/** The evidence index as the store page finds it (same search, same order), every match rather than the page's first rows. */
export async function exportEvidenceIndex(db: ReadDb, input: Omit<SearchInput, 'limit'>, today: string): Promise<XlsxFile> {
  const found = await searchEvidence(db, { ...input, limit: MAX_EXPORT_ROWS });
  if (found.count > MAX_EXPORT_ROWS) throw new AppError('VALIDATION', `Có ${formatVietnameseNumber(found.count)} tệp khớp, quá ${formatVietnameseNumber(MAX_EXPORT_ROWS)} dòng một tệp; hãy lọc theo loại, bản ghi hoặc ngày gắn.`);
  const content = await writeXlsx([
    {
      name: 'Minh chứng',
      heading: { title: input.trash ? 'Danh mục minh chứng trong thùng rác' : 'Danh mục minh chứng', office: await officeNameOf(db), filters: filterLines(input), date: today },
      columns: [
        { header: 'STT', width: 6, type: 'integer' },
        { header: 'Tên tệp', width: 40 },
        { header: 'Loại bản ghi', width: 16 },
        { header: 'Gắn với', width: 40 },
        { header: 'Loại tệp', width: 12 },
        { header: 'Dung lượng (byte)', width: 14, type: 'integer' },
        { header: 'Ngày gắn', width: 12, type: 'date' },
        { header: 'Người gắn', width: 16 },
        { header: 'SHA-256', width: 20 },
      ],
      rows: found.rows.map((f, i) => [
        i + 1,
        f.name,
        recordKindLabel(f.recordTable),
        f.recordLabel,
        EVIDENCE_TYPE_LABELS[evidenceTypeOfMime(f.mime) ?? 'zip'],
        f.size,
        // The day the page shows and the date filter compares: the stored instant's own day.
        f.createdAt.slice(0, 10),
        f.addedBy,
        f.sha256,
      ]),
      landscape: true,
    },
  ]);
  return xlsxFile(`danh-muc-minh-chung-${today}`, content, found.rows.length);
}
