import { Form, Input } from 'antd';
import type { ComponentPlanDto } from '../../../shared/plans';
import { useApiMutation } from '../../components/api';
import { DeadlineFields } from '../common/DeadlineFields';
import { fromDeadline, toDeadline, type DeadlineFormValue } from '../common/deadlineForm';
import { FormModal } from '../../components/FormModal';
import { TaskAgencyFields } from '../../tasks/TaskAgencyFields';

interface ComponentFormValues {
  content: string;
  leadAgencyId?: string | null;
  coordinatorAgencyIds?: string[];
  coordinatorsNote?: string;
  issuingBody?: string;
  completion: DeadlineFormValue;
}

interface Props {
  open: boolean;
  planId: string;
  row: ComponentPlanDto | null;
  onClose: () => void;
}

/** One row of the appendix of component plans: content, lead, coordinators, issuing body, completion time. */
export function ComponentPlanFormModal({ open, planId, row, onClose }: Props) {
  const create = useApiMutation('plans.createComponent', { successMessage: 'Đã thêm kế hoạch thành phần' });
  const update = useApiMutation('plans.updateComponent', { successMessage: 'Đã lưu kế hoạch thành phần' });
  const submit = async (v: ComponentFormValues) => {
    const fields = {
      content: v.content ?? '',
      leadAgencyId: v.leadAgencyId ?? null,
      coordinatorAgencyIds: v.coordinatorAgencyIds ?? [],
      coordinatorsNote: v.coordinatorsNote ?? '',
      issuingBody: v.issuingBody ?? '',
      completion: toDeadline(v.completion),
    };
    if (row) await update.mutateAsync({ ...fields, id: row.id, rev: row.rev });
    else await create.mutateAsync({ ...fields, planId });
    onClose();
  };
  return (
    <FormModal<ComponentFormValues>
      title={row ? 'Sửa kế hoạch thành phần' : 'Thêm kế hoạch thành phần'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={760}
      submitText={row ? 'Lưu' : 'Thêm'}
      initialValues={
        row
          ? { ...row, completion: fromDeadline(row.completion) }
          : { coordinatorAgencyIds: [], completion: { kind: 'unset' } }
      }
    >
      <Form.Item name="content" label="Nội dung kế hoạch thành phần" rules={[{ required: true, message: 'Nhập nội dung' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <TaskAgencyFields withCommunes={false} />
      <Form.Item name="coordinatorsNote" label="Ghi chú về cơ quan phối hợp">
        <Input placeholder="Các cơ quan, đơn vị liên quan" />
      </Form.Item>
      <Form.Item name="issuingBody" label="Cơ quan ban hành">
        <Input placeholder="UBND huyện" />
      </Form.Item>
      <DeadlineFields name="completion" label="Thời gian hoàn thành" allowUnset />
    </FormModal>
  );
}
