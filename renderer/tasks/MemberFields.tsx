import { Col, Form, Row, Select } from 'antd';
import { MEMBER_KIND_LABELS, type MemberKind } from '../../shared/tasks';
import { foldedSearch, useAgencies, useCommunes } from '../plans/common/lookups';

const KIND_OPTIONS = (Object.keys(MEMBER_KIND_LABELS) as MemberKind[]).map((value) => ({ value, label: MEMBER_KIND_LABELS[value] }));

/**
 * Who owes the work when the owner is a group: every commune (or the chosen
 * ones) or a chosen set of agencies; each member then has its own status per period.
 */
export function MemberFields() {
  const form = Form.useFormInstance();
  const kind = (Form.useWatch('memberKind', form) as MemberKind | undefined) ?? 'none';
  const communes = useCommunes();
  const agencies = useAgencies();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={9}>
        <Form.Item name="memberKind" label="Thực hiện theo" tooltip="Khi văn bản giao cho một nhóm, mỗi đơn vị của nhóm có trạng thái riêng ở từng kỳ.">
          <Select options={KIND_OPTIONS} onChange={() => form.setFieldValue('memberIds', [])} />
        </Form.Item>
      </Col>
      {kind !== 'none' && (
        <Col xs={24} sm={15}>
          <Form.Item
            name="memberIds"
            label={kind === 'communes' ? 'Các xã, thị trấn' : 'Các cơ quan trong nhóm'}
            rules={kind === 'agencies' ? [{ required: true, type: 'array', min: 1, message: 'Chọn các cơ quan trong nhóm' }] : []}
          >
            <Select
              mode="multiple"
              options={kind === 'communes' ? communes.options : agencies.options}
              allowClear
              showSearch={foldedSearch}
              placeholder={kind === 'communes' ? 'Tất cả các xã, thị trấn' : 'Chọn cơ quan'}
            />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
