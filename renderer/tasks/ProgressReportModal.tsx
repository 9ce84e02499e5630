import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TaskStatus } from '../../shared/plan-model';
import type { TaskDto } from '../../shared/tasks';
import { useApiMutation } from '../components/api';
import { DATE_FORMAT, currentYear, isoOf } from '../plans/common/dates';
import { FormModal } from '../components/FormModal';
import { PLAN_READS, foldedSearch, useAgencies } from '../plans/common/lookups';
import { ProgressHistory } from './ProgressHistory';
import { TASK_STATUS_OPTIONS } from './TaskFormModal';
import { taskLabel } from './taskTree';

interface ReportFormValues {
  period: string;
  agencyId?: string | null;
  text: string;
  status?: TaskStatus | null;
  percent?: number | null;
  reportedOn: Dayjs | null;
}

/** Records a progress report on a task; its status or percent becomes the task's. Shows earlier reports below. */
export function ProgressReportModal({ task, onClose }: { task: TaskDto; onClose: () => void }) {
  const agencies = useAgencies();
  const report = useApiMutation('tasks.reportProgress', { invalidates: PLAN_READS, successMessage: 'Đã ghi báo cáo tiến độ' });

  const submit = async (v: ReportFormValues) => {
    await report.mutateAsync({
      taskId: task.id,
      period: v.period ?? '',
      agencyId: v.agencyId ?? null,
      text: v.text ?? '',
      status: v.status ?? null,
      percent: v.percent ?? null,
      reportedOn: isoOf(v.reportedOn) ?? '',
    });
    onClose();
  };

  return (
    <FormModal<ReportFormValues>
      title="Báo cáo tiến độ"
      open
      onClose={onClose}
      onSubmit={submit}
      width={720}
      submitText="Ghi báo cáo"
      initialValues={{
        period: `Năm ${currentYear()}`,
        agencyId: task.leadAgencyId,
        status: task.status === 'not_started' ? 'in_progress' : task.status,
        percent: task.percent,
        reportedOn: dayjs(),
      }}
      after={<ProgressHistory taskId={task.id} />}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {taskLabel(task, 300)}
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="period" label="Kỳ báo cáo" rules={[{ required: true, message: 'Nhập kỳ báo cáo' }]}>
            <Input placeholder="Năm 2024; 6 tháng đầu năm 2025" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="agencyId" label="Cơ quan báo cáo">
            <Select options={agencies.options} allowClear showSearch={foldedSearch} placeholder="Không ghi" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name="reportedOn" label="Ngày báo cáo" rules={[{ required: true, message: 'Chọn ngày báo cáo' }]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="text" label="Nội dung báo cáo" rules={[{ required: true, message: 'Nhập nội dung báo cáo' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="status" label="Trạng thái">
            <Select options={TASK_STATUS_OPTIONS} allowClear placeholder="Không đổi" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="percent" label="Phần trăm hoàn thành">
            <InputNumber min={0} max={100} precision={0} controls={false} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
