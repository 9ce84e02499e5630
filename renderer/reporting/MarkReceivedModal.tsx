import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateVi } from '../../shared/dates';
import type { ExpectedReport } from '../../shared/reporting';
import { useApiMutation } from '../components/api';
import { DATE_FORMAT, isoOf } from '../plans/common/dates';
import { FormModal } from '../components/FormModal';
import { PLAN_READS } from '../plans/common/lookups';

interface ReceivedFormValues {
  receivedOn: Dayjs | null;
  note?: string;
}

/** Marks an expected report as received on a day, with a note (số công văn, người nộp …). */
export function MarkReceivedModal({ report, onClose }: { report: ExpectedReport; onClose: () => void }) {
  const mark = useApiMutation('reporting.markReceived', { invalidates: PLAN_READS, successMessage: 'Đã đánh dấu đã nhận' });
  const submit = async (v: ReceivedFormValues) => {
    await mark.mutateAsync({ dutyId: report.dutyId, periodYear: report.periodYear, receivedOn: isoOf(v.receivedOn) ?? '', note: v.note ?? '' });
    onClose();
  };
  return (
    <FormModal<ReceivedFormValues>
      title="Đánh dấu đã nhận báo cáo"
      open
      onClose={onClose}
      onSubmit={submit}
      submitText="Đánh dấu đã nhận"
      initialValues={{ receivedOn: dayjs(), note: report.note }}
    >
      <Typography.Paragraph>
        {report.title}
        <br />
        <Typography.Text type="secondary">
          {report.fromName} → {report.to}, hạn {formatDateVi(report.dueDate)}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="receivedOn" label="Ngày nhận" rules={[{ required: true, message: 'Chọn ngày nhận' }]}>
        <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input placeholder="Số công văn, người nộp …" />
      </Form.Item>
    </FormModal>
  );
}
