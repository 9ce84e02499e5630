import { Col, Form, Row, Select } from 'antd';
import { foldedSearch, useAgencies, useCommunes } from '../plans/common/lookups';

/** Lead, coordinators (and communes) of a task or component plan; an agency chosen as lead cannot also coordinate. */
export function TaskAgencyFields({ withCommunes = true }: { withCommunes?: boolean }) {
  const form = Form.useFormInstance();
  const agencies = useAgencies();
  const communes = useCommunes();
  const lead = Form.useWatch('leadAgencyId', form) as string | null | undefined;
  const coordinatorOptions = agencies.options.map((o) => ({ ...o, disabled: o.value === lead }));
  const onLeadChange = (value: string | undefined) => {
    const coordinators = (form.getFieldValue('coordinatorAgencyIds') as string[] | undefined) ?? [];
    if (value && coordinators.includes(value)) form.setFieldValue('coordinatorAgencyIds', coordinators.filter((id) => id !== value));
  };
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="leadAgencyId" label="Cơ quan chủ trì">
            <Select
              options={agencies.options}
              allowClear
              showSearch={foldedSearch}
              placeholder="Chưa giao"
              loading={agencies.isPending}
              onChange={onLeadChange}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="coordinatorAgencyIds" label="Cơ quan phối hợp">
            <Select mode="multiple" options={coordinatorOptions} allowClear showSearch={foldedSearch} placeholder="Không có" loading={agencies.isPending} />
          </Form.Item>
        </Col>
      </Row>
      {withCommunes && (
        <Form.Item name="communeIds" label="Xã, phường liên quan">
          <Select mode="multiple" options={communes.options} allowClear showSearch={foldedSearch} placeholder="Không riêng xã nào" loading={communes.isPending} />
        </Form.Item>
      )}
    </>
  );
}
