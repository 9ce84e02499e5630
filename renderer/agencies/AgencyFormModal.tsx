import { Form, Input, Select } from 'antd';
import { AGENCY_KIND_LABELS, type AgencyDto, type AgencyFields, type AgencyKind } from '../../shared/agencies';
import { useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';

const KIND_OPTIONS = (Object.keys(AGENCY_KIND_LABELS) as AgencyKind[]).map((kind) => ({ value: kind, label: AGENCY_KIND_LABELS[kind] }));

/** Adds an agency, or edits one when `agency` is given. */
export function AgencyFormModal({ open, agency, onClose }: { open: boolean; agency: AgencyDto | null; onClose: () => void }) {
  const options = {};
  const create = useApiMutation('agencies.create', { ...options, successMessage: (a) => `Đã thêm ${a.name}` });
  const update = useApiMutation('agencies.update', { ...options, successMessage: (a) => `Đã lưu ${a.name}` });

  const submit = async (values: AgencyFields) => {
    if (agency) await update.mutateAsync({ ...values, id: agency.id, rev: agency.rev });
    else await create.mutateAsync(values);
    onClose();
  };

  return (
    <FormModal<AgencyFields>
      title={agency ? `Sửa: ${agency.name}` : 'Thêm cơ quan, đơn vị'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      submitText={agency ? 'Lưu' : 'Thêm'}
      initialValues={agency ? fieldsOf(agency) : { kind: 'chuyen_mon', shortName: '', contact: '' }}
    >
      <Form.Item name="name" label="Tên cơ quan" rules={[{ required: true, message: 'Nhập tên cơ quan' }]}>
        <Input placeholder="Ví dụ: Phòng Văn hóa và Thông tin" />
      </Form.Item>
      <Form.Item name="shortName" label="Tên viết tắt">
        <Input placeholder="Ví dụ: Phòng VH&TT" />
      </Form.Item>
      <Form.Item name="kind" label="Loại cơ quan" rules={[{ required: true, message: 'Chọn loại cơ quan' }]}>
        <Select options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="contact" label="Liên hệ" extra="Người đầu mối, số điện thoại hoặc thư điện tử.">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

const fieldsOf = ({ name, shortName, kind, contact }: AgencyDto): AgencyFields => ({ name, shortName, kind, contact });
