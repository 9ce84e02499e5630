import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { ReportingDutyDto } from '../../shared/reporting';
import type { MemberKind } from '../../shared/tasks';
import { MemberFields } from '../tasks/MemberFields';
import { apiQuery, useApiMutation } from '../components/api';
import { DeadlineFields } from '../plans/common/DeadlineFields';
import { fromDeadline, toDeadline, type DeadlineFormValue } from '../plans/common/deadlineForm';
import { FormModal } from '../components/FormModal';
import { foldedSearch, useAgencies } from '../plans/common/lookups';

interface DutyFormValues {
  title: string;
  fromAgencyId?: string | null;
  fromNote?: string;
  to: string;
  due: DeadlineFormValue;
  outgoing?: boolean;
  memberKind?: MemberKind;
  memberIds?: string[];
  taskId?: string | null;
}

interface Props {
  open: boolean;
  planId: string;
  duty: ReportingDutyDto | null;
  onClose: () => void;
}

/** A reporting duty: who reports to whom, by when ("trước ngày 15/11 hằng năm"). */
export function DutyFormModal({ open, planId, duty, onClose }: Props) {
  const agencies = useAgencies();
  const tasks = useQuery({ ...apiQuery('tasks.list', { planId }), enabled: open });
  const taskOptions = (tasks.data ?? []).filter((t) => !t.isHeading).map((t) => ({ value: t.id, label: `${t.outlineNumber} ${t.text}`.slice(0, 140) }));
  const create = useApiMutation('reporting.createDuty', { successMessage: 'Đã thêm nghĩa vụ báo cáo' });
  const update = useApiMutation('reporting.updateDuty', { successMessage: 'Đã lưu nghĩa vụ báo cáo' });
  const submit = async (v: DutyFormValues) => {
    const fields = {
      title: v.title ?? '',
      fromAgencyId: v.fromAgencyId ?? null,
      fromNote: v.fromNote ?? '',
      to: v.to ?? '',
      // The editor offers no "unset" here, so a deadline always comes back.
      due: toDeadline(v.due) ?? { kind: 'none' as const, text: '' },
      outgoing: v.outgoing ?? false,
      memberKind: v.memberKind ?? 'none',
      memberIds: v.memberIds ?? [],
      taskId: v.taskId ?? null,
    };
    if (duty) await update.mutateAsync({ ...fields, id: duty.id, rev: duty.rev });
    else await create.mutateAsync({ ...fields, planId });
    onClose();
  };
  return (
    <FormModal<DutyFormValues>
      title={duty ? 'Sửa nghĩa vụ báo cáo' : 'Thêm nghĩa vụ báo cáo'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={720}
      submitText={duty ? 'Lưu' : 'Thêm'}
      initialValues={duty ? { ...duty, due: fromDeadline(duty.due) } : { due: { kind: 'yearly', day: 15, month: 11 }, outgoing: false, memberKind: 'none', memberIds: [], taskId: null }}
    >
      <Form.Item name="title" label="Tên nghĩa vụ báo cáo" rules={[{ required: true, message: 'Nhập tên nghĩa vụ báo cáo' }]}>
        <Input placeholder="Báo cáo kết quả thực hiện Kế hoạch xây dựng xã hội học tập" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="fromAgencyId" label="Cơ quan báo cáo">
            <Select options={agencies.options} allowClear showSearch={foldedSearch} placeholder="Chọn cơ quan hoặc ghi bên cạnh" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fromNote" label="Ghi chú nơi gửi" tooltip="Khi bên báo cáo là một nhóm: “Các cơ quan, đơn vị; UBND các xã, thị trấn”.">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="to" label="Nơi nhận báo cáo" rules={[{ required: true, message: 'Nhập nơi nhận báo cáo' }]}>
        <Input placeholder="Phòng Giáo dục và Đào tạo" />
      </Form.Item>
      <Form.Item name="outgoing" label="Chiều báo cáo">
        <Radio.Group
          options={[
            { value: false, label: 'Cơ quan nhận báo cáo (đã nhận)' },
            { value: true, label: 'Cơ quan gửi báo cáo lên (đã gửi)' },
          ]}
        />
      </Form.Item>
      <MemberFields />
      <DeadlineFields name="due" label="Hạn báo cáo" />
      <Form.Item name="taskId" label="Nhiệm vụ tương ứng" tooltip="Khi kế hoạch ghi báo cáo này cả trong phần nhiệm vụ: hai mục là một, trang tổng quan chỉ nhắc một lần.">
        <Select options={taskOptions} allowClear showSearch={foldedSearch} placeholder="Không có" loading={tasks.isLoading} />
      </Form.Item>
    </FormModal>
  );
}
