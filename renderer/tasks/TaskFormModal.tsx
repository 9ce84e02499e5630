import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { TASK_STATUS_LABELS, type TaskStatus } from '../../shared/plan-model';
import type { MemberKind, TaskDto } from '../../shared/tasks';
import { useApiMutation } from '../components/api';
import { DeadlineFields } from '../plans/common/DeadlineFields';
import { fromDeadline, toDeadline, type DeadlineFormValue } from '../plans/common/deadlineForm';
import { FormModal } from '../components/FormModal';
import { foldedSearch } from '../plans/common/lookups';
import { DeadlineOutsidePlan } from './DeadlineOutsidePlan';
import { MemberFields } from './MemberFields';
import { TaskAgencyFields } from './TaskAgencyFields';
import { buildOutline, flattenOutline, subtreeIds, taskLabel } from './taskTree';

export const TASK_STATUS_OPTIONS = (Object.keys(TASK_STATUS_LABELS) as TaskStatus[]).map((value) => ({ value, label: TASK_STATUS_LABELS[value] }));

interface TaskFormValues {
  parentId?: string | null;
  number?: string;
  text: string;
  leadAgencyId?: string | null;
  coordinatorAgencyIds?: string[];
  communeIds?: string[];
  ownerNote?: string;
  isRequest?: boolean;
  deadline: DeadlineFormValue;
  status: TaskStatus;
  memberKind?: MemberKind;
  memberIds?: string[];
}

export type TaskEditing = { task: TaskDto } | { parentId: string | null };

interface TaskFormModalProps {
  open: boolean;
  planId: string;
  tasks: TaskDto[];
  editing: TaskEditing | null;
  onClose: () => void;
}

/** Adds a task (under a parent, if given) or edits one: owners, communes, deadline and status. */
export function TaskFormModal({ open, planId, tasks, editing, onClose }: TaskFormModalProps) {
  const create = useApiMutation('tasks.create', { successMessage: 'Đã thêm nhiệm vụ' });
  const update = useApiMutation('tasks.update', { successMessage: 'Đã lưu nhiệm vụ' });
  const task = editing && 'task' in editing ? editing.task : null;
  const excluded = task ? subtreeIds(tasks, task.id) : new Set<string>();
  const parentOptions = flattenOutline(buildOutline(tasks))
    .filter((n) => !excluded.has(n.task.id))
    .map((n) => ({ value: n.task.id, label: taskLabel(n.task), depth: n.depth }));

  const submit = async (v: TaskFormValues) => {
    const fields = {
      parentId: v.parentId ?? null,
      number: v.number ?? '',
      text: v.text ?? '',
      leadAgencyId: v.leadAgencyId ?? null,
      coordinatorAgencyIds: v.coordinatorAgencyIds ?? [],
      communeIds: v.communeIds ?? [],
      ownerNote: v.ownerNote ?? '',
      isRequest: v.isRequest ?? false,
      deadline: toDeadline(v.deadline),
      status: v.status,
      memberKind: v.memberKind ?? 'none',
      memberIds: v.memberIds ?? [],
    };
    if (task) await update.mutateAsync({ ...fields, id: task.id, rev: task.rev });
    else await create.mutateAsync({ ...fields, planId });
    onClose();
  };

  return (
    <FormModal<TaskFormValues>
      title={task ? 'Sửa nhiệm vụ' : 'Thêm nhiệm vụ'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={820}
      submitText={task ? 'Lưu' : 'Thêm nhiệm vụ'}
      initialValues={task ? valuesOf(task) : { parentId: editing && 'parentId' in editing ? editing.parentId : null, status: 'not_started', deadline: { kind: 'unset' }, coordinatorAgencyIds: [], communeIds: [], memberKind: 'none', memberIds: [] }}
    >
      <Row gutter={12}>
        <Col xs={8} sm={6}>
          <Form.Item name="number" label="Số thứ tự" tooltip="Như văn bản ghi: I, 1, 3.1, a), -, +; để trống với đoạn văn không đánh số.">
            <Input placeholder="3.1" />
          </Form.Item>
        </Col>
        <Col xs={16} sm={18}>
          <Form.Item name="parentId" label="Thuộc mục">
            <Select
              options={parentOptions}
              optionRender={(o) => <span style={{ paddingInlineStart: (o.data.depth ?? 0) * 16 }}>{o.label}</span>}
              allowClear
              placeholder="Mục gốc của kế hoạch"
              showSearch={foldedSearch}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="text" label="Nội dung nhiệm vụ" rules={[{ required: true, message: 'Nhập nội dung nhiệm vụ' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <TaskAgencyFields />
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name="ownerNote" label="Ghi chú về cơ quan thực hiện" tooltip="Khi văn bản giao cho một nhóm: “UBND các xã, thị trấn”, “các phòng, ban, ngành”.">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="isRequest" valuePropName="checked" style={{ paddingTop: 30 }}>
            <Checkbox>Là đề nghị (“Đề nghị …”)</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <MemberFields />
      <DeadlineFields name="deadline" label="Thời hạn hoàn thành" allowUnset />
      <DeadlineOutsidePlan planId={planId} name="deadline" />
      <Form.Item name="status" label="Trạng thái" style={{ maxWidth: 260 }} tooltip="Việc làm một lần do một cơ quan thực hiện. Việc định kỳ hoặc do nhóm thực hiện: trạng thái ghi theo từng kỳ, từng đơn vị.">
        <Select options={TASK_STATUS_OPTIONS} />
      </Form.Item>
    </FormModal>
  );
}

function valuesOf(task: TaskDto): TaskFormValues {
  return {
    parentId: task.parentId,
    number: task.number,
    text: task.text,
    leadAgencyId: task.leadAgencyId,
    coordinatorAgencyIds: task.coordinatorAgencyIds,
    communeIds: task.communeIds,
    ownerNote: task.ownerNote,
    isRequest: task.isRequest,
    deadline: fromDeadline(task.deadline),
    status: task.status,
    memberKind: task.memberKind,
    memberIds: task.memberIds,
  };
}
