import { Tag } from 'antd';
import { formatDateVi } from '../../shared/dates';
import type { ExpectedReport } from '../../shared/reporting';

/** "Đã nhận dd/mm/yyyy" / "Quá hạn" / "Chưa đến hạn". */
export function ReportStatusTag({ report }: { report: ExpectedReport }) {
  if (report.receivedOn) return <Tag color="green">Đã nhận {formatDateVi(report.receivedOn)}</Tag>;
  if (report.overdue) return <Tag color="red">Quá hạn</Tag>;
  return <Tag>Chưa đến hạn</Tag>;
}

export const reportKey = (r: Pick<ExpectedReport, 'dutyId' | 'periodYear'>) => `${r.dutyId}:${r.periodYear}`;
