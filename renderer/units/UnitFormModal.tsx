import { Form, Input, Select } from 'antd';
import type { UnitDto } from '../../shared/units';
import { useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { useOffice } from '../components/useOffice';
import { useNavigate } from 'react-router';
import { displayNameOf, unitTypesAtDepth } from './unitTree';

export type UnitFormMode = { kind: 'create'; parent: UnitDto } | { kind: 'edit'; unit: UnitDto };

interface UnitValues {
  code: string;
  name: string;
  type: string;
}


/** Adds a unit under a parent, or edits code, name and type of one. */
export function UnitFormModal({ open, mode, onClose }: { open: boolean; mode: UnitFormMode; onClose: () => void }) {
  const navigate = useNavigate();
  const office = useOffice();
  const create = useApiMutation('units.create', { successMessage: (u) => `Đã thêm ${displayNameOf(u)}` });
  const update = useApiMutation('units.update', { successMessage: (u) => `Đã lưu ${displayNameOf(u)}` });

  const depth = mode.kind === 'create' ? mode.parent.depth + 1 : mode.unit.depth;
  const current = mode.kind === 'edit' ? mode.unit.type : undefined;
  const types = unitTypesAtDepth(office?.levelNames ?? [], depth, current);
  const initialValues: Partial<UnitValues> =
    mode.kind === 'edit' ? { code: mode.unit.code, name: mode.unit.name, type: mode.unit.type } : { type: types[0] };

  const submit = async (values: UnitValues) => {
    if (mode.kind === 'edit') {
      await update.mutateAsync({ ...values, id: mode.unit.id, rev: mode.unit.rev });
      onClose();
    } else {
      const created = await create.mutateAsync({ ...values, parentId: mode.parent.id });
      onClose();
      navigate(`/units/${created.id}`);
    }
  };

  return (
    <FormModal<UnitValues>
      title={mode.kind === 'edit' ? `Sửa ${displayNameOf(mode.unit)}` : `Thêm đơn vị trực thuộc ${displayNameOf(mode.parent)}`}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      submitText={mode.kind === 'edit' ? 'Lưu' : 'Thêm'}
      initialValues={initialValues}
    >
      <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, message: 'Nhập tên đơn vị' }]}>
        <Input placeholder="Ví dụ: Tân Hộ Cơ" />
      </Form.Item>
      <Form.Item name="type" label="Loại đơn vị" rules={[{ required: true, message: 'Chọn loại đơn vị' }]}>
        {types.length ? <Select options={types.map((t) => ({ value: t, label: t }))} /> : <Input placeholder="Ví dụ: Ấp" />}
      </Form.Item>
      <Form.Item name="code" label="Mã đơn vị" rules={[{ required: true, message: 'Nhập mã đơn vị' }]}>
        <Input placeholder="Ví dụ: 29941" />
      </Form.Item>
    </FormModal>
  );
}
