import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { TaskStatus } from '../../shared/plan-model';
import { proposedStatus } from '../../shared/task-progress';
import type { ProgressReportDto, TaskDto } from '../../shared/tasks';
import { apiQuery, useApiMutation } from '../components/api';
import { DATE_FORMAT, currentYear, dayjsOf, isoOf } from '../plans/common/dates';
import { FormModal } from '../components/FormModal';
import { foldedSearch, useAgencies } from '../plans/common/lookups';
import { ProgressHistory } from './ProgressHistory';
import { TASK_STATUS_OPTIONS } from './TaskFormModal';
import { taskLabel } from './taskTree';

interface ReportFormValues {
  periodKey?: string | null;
  period: string;
  agencyId?: string | null;
  text: string;
  difficulties?: string;
  proposals?: string;
  status?: TaskStatus | null;
  percent?: number | null;
  reportedOn: Dayjs | null;
}

/**
 * Records a progress report on a task (or edits one): on recurring or group
 * work it names its occurrence, whose status it sets; 100% proposes "Hoàn
 * thành". Earlier reports are listed below, each editable and deletable.
 */
export function ProgressReportModal({ task, onClose }: { task: TaskDto; onClose: () => void }) {
  const [editing, setEditing] = useState<ProgressReportDto | null>(null);
  return editing ? (
    <ReportForm key={editing.id} task={task} report={editing} onClose={() => setEditing(null)} />
  ) : (
    <ReportForm key="new" task={task} report={null} onClose={onClose} onEdit={setEditing} />
  );
}

function ReportForm({ task, report, onClose, onEdit }: { task: TaskDto; report: ProgressReportDto | null; onClose: () => void; onEdit?: (r: ProgressReportDto) => void }) {
  const agencies = useAgencies();
  const byPeriod = task.recurring || task.memberKind !== 'none';
  const occurrences = useQuery({ ...apiQuery('tasks.occurrences', { taskId: task.id }), enabled: byPeriod });
  const create = useApiMutation('tasks.reportProgress', { successMessage: 'Đã ghi báo cáo tiến độ' });
  const update = useApiMutation('tasks.updateProgress', { successMessage: 'Đã sửa báo cáo tiến độ' });
  const periodOptions = (occurrences.data ?? []).map((o) => ({ value: o.periodKey, label: o.label }));

  const submit = async (v: ReportFormValues) => {
    const fields = {
      periodKey: byPeriod ? (v.periodKey ?? null) : null,
      period: v.period ?? '',
      agencyId: v.agencyId ?? null,
      text: v.text ?? '',
      difficulties: v.difficulties ?? '',
      proposals: v.proposals ?? '',
      status: v.status ?? null,
      percent: v.percent ?? null,
      reportedOn: isoOf(v.reportedOn) ?? '',
    };
    if (report) await update.mutateAsync({ ...fields, id: report.id, rev: report.rev });
    else await create.mutateAsync({ ...fields, taskId: task.id });
    onClose();
  };

  const initial: Partial<ReportFormValues> = report
    ? { ...report, reportedOn: dayjsOf(report.reportedOn) }
    : {
        periodKey: task.occurrence?.periodKey ?? null,
        period: task.occurrence?.label ?? `Năm ${currentYear()}`,
        agencyId: task.leadAgencyId,
        status: task.status === 'not_started' ? 'in_progress' : task.status,
        percent: task.percent,
        reportedOn: dayjs(),
      };
  return (
    <FormModal<ReportFormValues>
      title={report ? 'Sửa báo cáo tiến độ' : 'Báo cáo tiến độ'}
      open
      onClose={onClose}
      onSubmit={submit}
      width={760}
      submitText={report ? 'Lưu báo cáo' : 'Ghi báo cáo'}
      initialValues={initial}
      after={onEdit && <ProgressHistory taskId={task.id} onEdit={onEdit} />}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {taskLabel(task, 300)}
      </Typography.Paragraph>
      <ProposeStatus />
      <Row gutter={12}>
        {byPeriod && (
          <Col xs={24} sm={8}>
            <Form.Item name="periodKey" label="Kỳ thực hiện" rules={[{ required: true, message: 'Chọn kỳ thực hiện' }]}>
              <Select options={periodOptions} showSearch placeholder="Chọn kỳ" loading={occurrences.isLoading} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={byPeriod ? 6 : 8}>
          <Form.Item name="period" label="Kỳ báo cáo" rules={[{ required: true, message: 'Nhập kỳ báo cáo' }]}>
            <Input placeholder="Năm 2024; 6 tháng đầu năm 2025" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={byPeriod ? 5 : 10}>
          <Form.Item name="agencyId" label="Cơ quan báo cáo">
            <Select options={agencies.options} allowClear showSearch={foldedSearch} placeholder="Không ghi" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={byPeriod ? 5 : 6}>
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
          <Form.Item name="difficulties" label="Khó khăn, vướng mắc">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="proposals" label="Đề xuất, kiến nghị">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="percent" label="Phần trăm hoàn thành" rules={[{ type: 'number', max: 100, message: 'Phần trăm không được quá 100' }]}>
            <InputNumber min={0} precision={0} controls={false} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="status" label="Trạng thái" extra="100% đề xuất “Hoàn thành”; có thể đổi.">
            <Select options={TASK_STATUS_OPTIONS} allowClear placeholder="Không đổi" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

/** Proposes a status as the percent is typed: 100% → "Hoàn thành". */
function ProposeStatus() {
  const form = Form.useFormInstance<ReportFormValues>();
  const percent = Form.useWatch('percent', form) as number | null | undefined;
  useEffect(() => {
    if (percent === undefined || !form.isFieldTouched('percent')) return;
    const proposed = proposedStatus(percent ?? null, form.getFieldValue('status') ?? null);
    form.setFieldValue('status', proposed);
  }, [percent, form]);
  return null;
}
