import { Alert, Col, Form, Row, Select } from 'antd';
import { useState } from 'react';
import { describeRoleMove, withCoordinators, withLead, type Assignment, type RoleMove } from '../../shared/task-roles';
import { foldedSearch, useAgencies, useCommunes } from '../plans/common/lookups';

/**
 * Lead, coordinators (and communes) of a task or component plan. An agency
 * cannot both lead and coordinate: choosing it for the other role moves it, and
 * the form says so, so a coordinator never vanishes without a word.
 */
export function TaskAgencyFields({ withCommunes = true }: { withCommunes?: boolean }) {
  const form = Form.useFormInstance();
  const agencies = useAgencies();
  const communes = useCommunes();
  const [moved, setMoved] = useState<RoleMove | null>(null);
  const current = (): Assignment => ({
    leadAgencyId: (form.getFieldValue('leadAgencyId') as string | null | undefined) ?? null,
    coordinatorAgencyIds: (form.getFieldValue('coordinatorAgencyIds') as string[] | undefined) ?? [],
  });
  // The changed field already holds its new value when onChange runs; the rule reads the other field as it was.
  const apply = (change: { assignment: Assignment; moved: RoleMove | null }) => {
    form.setFieldsValue(change.assignment);
    setMoved(change.moved);
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
              onChange={(value: string | undefined) => apply(withLead(current(), value ?? null))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="coordinatorAgencyIds" label="Cơ quan phối hợp">
            <Select
              mode="multiple"
              options={agencies.options}
              allowClear
              showSearch={foldedSearch}
              placeholder="Không có"
              loading={agencies.isPending}
              onChange={(ids: string[]) => apply(withCoordinators(current(), ids))}
            />
          </Form.Item>
        </Col>
      </Row>
      {moved && (
        <Alert
          role="status"
          type="info"
          showIcon
          closable
          onClose={() => setMoved(null)}
          style={{ marginTop: -12, marginBottom: 16 }}
          message={describeRoleMove(agencies.fullName(moved.agencyId), moved.to)}
        />
      )}
      {withCommunes && (
        <Form.Item name="communeIds" label="Xã, phường liên quan">
          <Select mode="multiple" options={communes.options} allowClear showSearch={foldedSearch} placeholder="Không riêng xã nào" loading={communes.isPending} />
        </Form.Item>
      )}
    </>
  );
}
