import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateVi } from '../../shared/dates';
import type { ExpectedReport } from '../../shared/reporting';
import { deliveryWord } from '../../shared/reporting-schedule';
import { useApiMutation } from '../components/api';
import { DATE_FORMAT, isoOf } from '../plans/common/dates';
import { FormModal } from '../components/FormModal';

interface DeliveredFormValues {
  deliveredOn: Dayjs | null;
  note?: string;
}

/** Marks a report (of the duty, or of one member of its group) as sent or received on a day, with a note. */
export function MarkReceivedModal({ report, member, onClose }: { report: ExpectedReport; member: { id: string; name: string } | null; onClose: () => void }) {
  const word = deliveryWord(report.outgoing).toLowerCase();
  const mark = useApiMutation('reporting.markDelivered', { successMessage: `Đã đánh dấu ${word}` });
  const submit = async (v: DeliveredFormValues) => {
    await mark.mutateAsync({ dutyId: report.dutyId, periodKey: report.periodKey, memberId: member?.id ?? '', deliveredOn: isoOf(v.deliveredOn) ?? '', note: v.note ?? '' });
    onClose();
  };
  return (
    <FormModal<DeliveredFormValues>
      title={`Đánh dấu ${word} báo cáo`}
      open
      onClose={onClose}
      onSubmit={submit}
      submitText={`Đánh dấu ${word}`}
      initialValues={{ deliveredOn: dayjs(), note: member ? '' : report.note }}
    >
      <Typography.Paragraph>
        {report.title} — {report.periodLabel}
        {member && <strong> — {member.name}</strong>}
        <br />
        <Typography.Text type="secondary">
          {report.fromName} → {report.to}, hạn {formatDateVi(report.dueDate)}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="deliveredOn" label={report.outgoing ? 'Ngày gửi' : 'Ngày nhận'} rules={[{ required: true, message: report.outgoing ? 'Chọn ngày gửi' : 'Chọn ngày nhận' }]}>
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input placeholder="Số công văn, người nộp …" />
      </Form.Item>
    </FormModal>
  );
}
