import { isoDateFromInstant } from '../../shared/dates.js';
import type { XlsxFile } from '../../shared/list-export.js';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria.js';
import type { ReadDb } from '../db/records.js';
import { officeNameOf, writeXlsx, xlsxFile } from '../xlsx/index.js';
import { listRegister } from './register.js';

/** The register as the page shows it (its year and title), in number order. */
export async function exportRegister(db: ReadDb, filter: { year?: number; title?: TitleKind }, today: string): Promise<XlsxFile> {
  const { certificates } = await listRegister(db, filter);
  const filters = [...(filter.year !== undefined ? [`Năm: ${filter.year}`] : []), ...(filter.title ? [`Danh hiệu: ${TITLE_LABELS[filter.title]}`] : [])];
  const content = await writeXlsx([
    {
      name: 'Sổ cấp giấy',
      heading: { title: 'Sổ cấp giấy công nhận danh hiệu học tập', office: await officeNameOf(db), filters, date: today },
      columns: [
        { header: 'Số vào sổ', width: 12 },
        { header: 'Được công nhận', width: 28 },
        { header: 'Xã, phường', width: 20 },
        { header: 'Danh hiệu', width: 22 },
        { header: 'Năm', width: 7, type: 'integer' },
        { header: 'Quyết định số', width: 16 },
        { header: 'Ngày quyết định', width: 12, type: 'date' },
        { header: 'Cấp ngày', width: 12, type: 'date' },
        { header: 'Số lần cấp lại', width: 9, type: 'integer' },
        { header: 'Thu hồi ngày', width: 12, type: 'date' },
        { header: 'Lý do thu hồi', width: 30 },
      ],
      rows: certificates.map((c) => [
        c.registerNumber,
        c.holderName,
        c.communeName,
        TITLE_LABELS[c.title],
        c.year,
        c.decisionNumber,
        c.decisionDate,
        isoDateFromInstant(new Date(c.issuedAt)),
        c.reprintCount,
        c.revokedOn,
        c.revokeReason,
      ]),
      landscape: true,
    },
  ]);
  return xlsxFile(`so-cap-giay-cong-nhan${filter.year ? `-${filter.year}` : ''}${filter.title ? `-${TITLE_LABELS[filter.title]}` : ''}`, content, certificates.length);
}
