import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { GENDER_LABELS, ORG_KIND_LABELS, SUBJECT_KIND_LABELS, type OrgKind, type SubjectDto, type SubjectInput, type SubjectKind } from '../../shared/titles';
import { apiQuery, useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { useUnitOptions } from './lookups';

const ORG_OPTIONS = (Object.keys(ORG_KIND_LABELS) as OrgKind[]).map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));
const GENDER_OPTIONS = [
  { value: 'nam', label: GENDER_LABELS.nam },
  { value: 'nu', label: GENDER_LABELS.nu },
];
const LABOUR_GROUPS = ['Nông dân', 'Công nhân, người lao động', 'Cán bộ, công chức, viên chức', 'Doanh nhân, cán bộ quản lý'].map((g) => ({ value: g, label: g }));

type Values = Omit<SubjectInput, 'kind'>;

/** Adds or edits a person, household, clan or organisation; the fields shown follow the kind. */
export function SubjectFormModal({ kind, subject, onClose }: { kind: SubjectKind; subject: SubjectDto | null; onClose: () => void }) {
  // The list masks ID numbers; the form edits the stored one, fetched unmasked for this subject only.
  const full = useQuery({ ...apiQuery('subjects.get', { id: subject?.id ?? '', showIdNumber: true }), enabled: subject !== null });
  if (subject && !full.data) return null;
  return <SubjectForm kind={kind} subject={full.data ?? null} onClose={onClose} />;
}

function SubjectForm({ kind, subject, onClose }: { kind: SubjectKind; subject: SubjectDto | null; onClose: () => void }) {
  const { places } = useUnitOptions();
  const create = useApiMutation('subjects.create', { successMessage: (s) => `Đã thêm ${s.name}` });
  const update = useApiMutation('subjects.update', { successMessage: (s) => `Đã lưu ${s.name}` });
  const submit = async (v: Values) => {
    const fields = { ...v, kind, idNumber: v.idNumber ? v.idNumber : null, birthYear: v.birthYear ?? null, gender: v.gender ?? null, orgKind: v.orgKind ?? null };
    if (subject) await update.mutateAsync({ ...fields, id: subject.id, rev: subject.rev });
    else await create.mutateAsync(fields);
    onClose();
  };
  const label = SUBJECT_KIND_LABELS[kind].toLocaleLowerCase('vi');
  return (
    <FormModal<Values>
      title={subject ? `Sửa: ${subject.name}` : `Thêm ${label}`}
      open
      onClose={onClose}
      onSubmit={submit}
      width={680}
      submitText={subject ? 'Lưu' : 'Thêm'}
      initialValues={subject ?? { hamletIds: [] }}
    >
      <Form.Item name="name" label={kind === 'person' ? 'Họ và tên' : kind === 'household' ? 'Tên hộ (chủ hộ)' : 'Tên'} rules={[{ required: true, message: 'Nhập tên' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="unitId" label={kind === 'person' || kind === 'household' ? 'Ấp, khóm nơi cư trú' : 'Thuộc đơn vị'} rules={[{ required: true, message: 'Chọn đơn vị' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={places} />
      </Form.Item>
      {kind === 'person' && (
        <>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="birthYear" label="Năm sinh">
                <InputNumber min={1900} max={2100} controls={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="gender" label="Giới tính">
                <Select allowClear options={GENDER_OPTIONS} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="idNumber" label="Số CCCD">
                <Input inputMode="numeric" maxLength={12} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="ethnicity" label="Dân tộc">
                <Input placeholder="Kinh" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="religion" label="Tôn giáo">
                <Input placeholder="Không" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="labourGroup" label="Nhóm đối tượng">
                <Select allowClear options={LABOUR_GROUPS} />
              </Form.Item>
            </Col>
          </Row>
        </>
      )}
      {(kind === 'household' || kind === 'organisation') && (
        <Form.Item name="address" label="Địa chỉ">
          <Input />
        </Form.Item>
      )}
      {kind === 'clan' && (
        <>
          <Form.Item name="representative" label="Người đại diện (trưởng tộc)">
            <Input />
          </Form.Item>
          <Form.Item name="hamletIds" label="Các ấp có thành viên dòng họ">
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={places} />
          </Form.Item>
        </>
      )}
      {kind === 'organisation' && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="orgKind" label="Loại" rules={[{ required: true, message: 'Chọn loại cơ quan, đơn vị' }]}>
              <Select options={ORG_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgLevel" label="Cấp">
              <Input placeholder="Cấp xã, cấp tỉnh…" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
