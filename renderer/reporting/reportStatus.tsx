import { Tag } from 'antd';
import { formatDateVi } from '../../shared/dates';
import type { ExpectedReport } from '../../shared/reporting';
import { deliveryWord, pendingWord } from '../../shared/reporting-schedule';

/**
 * "Đã gửi dd/mm/yyyy" (the office's own report upward) or "Đã nhận …" (one it
 * receives), "Nộp muộn" when after the due day; for a group "Đã nhận 3/5";
 * else "Quá hạn" / "Chưa đến hạn".
 */
export function ReportStatusTag({ report }: { report: ExpectedReport }) {
  const word = deliveryWord(report.outgoing);
  if (report.deliveredOn) {
    return (
      <>
        <Tag color="green">
          {word} {formatDateVi(report.deliveredOn)}
        </Tag>
        {report.late && <Tag color="orange">Nộp muộn</Tag>}
      </>
    );
  }
  const done = report.members.filter((m) => m.done).length;
  const counted = report.members.length > 0 ? `${word} ${done}/${report.members.length}` : pendingWord(report.outgoing);
  if (report.overdue) return <Tag color="red">Quá hạn · {counted}</Tag>;
  return <Tag>{report.members.length > 0 ? counted : 'Chưa đến hạn'}</Tag>;
}

export const reportKey = (r: Pick<ExpectedReport, 'dutyId' | 'periodKey'>) => `${r.dutyId}:${r.periodKey}`;
