import { AGENCY_KIND_LABELS, filterAgencies, type AgencyListFilter } from '../../shared/agencies.js';
import type { XlsxFile } from '../../shared/list-export.js';
import type { ReadDb } from '../db/records.js';
import { officeNameOf, writeXlsx, xlsxFile } from '../xlsx/index.js';
import { listAgencies } from './agencies.service.js';

/** The agencies as the page lists them: the same rows through the same filter and order. */
export async function exportAgencies(db: ReadDb, filter: AgencyListFilter, today: string): Promise<XlsxFile> {
  const rows = filterAgencies(await listAgencies(db), filter);
  const filters = [
    ...(filter.search?.trim() ? [`Lọc cơ quan: “${filter.search.trim()}”`] : []),
    ...(filter.kinds?.length ? [`Loại: ${filter.kinds.map((k) => AGENCY_KIND_LABELS[k]).join(', ')}`] : []),
  ];
  const content = await writeXlsx([
    {
      name: 'Cơ quan',
      heading: { title: 'Danh sách cơ quan, đơn vị', office: await officeNameOf(db), filters, date: today },
      columns: [
        { header: 'STT', width: 6, type: 'integer' },
        { header: 'Tên cơ quan', width: 42 },
        { header: 'Tên viết tắt', width: 18 },
        { header: 'Loại', width: 22 },
        { header: 'Liên hệ', width: 36 },
      ],
      rows: rows.map((a, i) => [i + 1, a.name, a.shortName, AGENCY_KIND_LABELS[a.kind], a.contact]),
    },
  ]);
  return xlsxFile(`danh-sach-co-quan-${today}`, content, rows.length);
}
