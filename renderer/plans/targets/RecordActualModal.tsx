import { Col, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import { MEASURE_KIND_LABELS } from '../../../shared/plan-model';
import type { PlanDto } from '../../../shared/plans';
import type { ActualDto, TargetDto } from '../../../shared/targets';
import { useApiMutation } from '../../components/api';
import { currentYear } from '../common/dates';
import { FormModal } from '../../components/FormModal';
import { PLAN_READS, foldedSearch, useCommunes } from '../common/lookups';
import { capitalize, measureKindOf, measureText } from './targetText';

interface ActualFormValues {
  year: number;
  unitId?: string | null;
  value: number;
  total?: number | null;
  note: string;
}

/** Enters an actual by hand, with a note saying where the figure comes from. */
export function RecordActualModal({ plan, target, onClose }: { plan: PlanDto; target: TargetDto; onClose: () => void }) {
  const record = useApiMutation('targets.recordActual', { invalidates: PLAN_READS, successMessage: 'Đã ghi số liệu thực tế' });
  const communes = useCommunes();
  const kind = measureKindOf(target);
  const milestoneTotal = target.progress.milestone?.total ?? target.milestones.find((m) => m.total !== null)?.total ?? null;
  const year = Math.min(Math.max(currentYear(), plan.periodStart), plan.periodEnd);

  const submit = async (v: ActualFormValues) => {
    await record.mutateAsync({
      targetId: target.id,
      year: v.year,
      unitId: v.unitId ?? null,
      value: v.value,
      total: kind === 'unitCount' ? (v.total ?? null) : null,
      note: v.note ?? '',
    });
    onClose();
  };

  return (
    <FormModal<ActualFormValues>
      title="Nhập số liệu thực tế"
      open
      onClose={onClose}
      onSubmit={submit}
      width={640}
      submitText="Ghi số liệu"
      initialValues={{ year, total: kind === 'unitCount' ? milestoneTotal : null }}
      after={<ActualHistory target={target} />}
    >
      <Typography.Paragraph type="secondary">
        {target.text}
        <br />
        Đo theo {target.progress.milestoneYear ? `mốc ${target.progress.milestoneYear}` : 'mốc đầu tiên'}: {MEASURE_KIND_LABELS[kind]}
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} controls={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="value" label="Giá trị" rules={[{ required: true, message: 'Nhập giá trị' }]}>
            <InputNumber min={0} max={kind === 'percent' ? 100 : undefined} controls={false} suffix={kind === 'percent' ? '%' : undefined} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {kind === 'unitCount' && (
          <Col xs={12} sm={6}>
            <Form.Item name="total" label="Tổng số" rules={[{ required: true, message: 'Nhập tổng số' }]}>
              <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {target.perCommune && (
          <Col xs={24} sm={kind === 'unitCount' ? 6 : 12}>
            <Form.Item name="unitId" label="Xã, phường">
              <Select options={communes.options} allowClear placeholder="Toàn địa bàn" showSearch={foldedSearch} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="note" label="Ghi chú (nguồn số liệu)" rules={[{ required: true, message: 'Ghi rõ nguồn số liệu' }]}>
        <Input placeholder="Ví dụ: Báo cáo tổng kết năm học 2023–2024 của Phòng GD&ĐT" />
      </Form.Item>
    </FormModal>
  );
}

function ActualHistory({ target }: { target: TargetDto }) {
  if (target.actuals.length === 0) return null;
  const kind = measureKindOf(target);
  const rows = [...target.actuals].sort((a, b) => b.year - a.year);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Số liệu đã có
      </Typography.Title>
      <Table<ActualDto>
        size="small"
        pagination={false}
        rowKey={(a) => `${a.year}-${a.unitId ?? ''}-${a.origin}`}
        dataSource={rows}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Giá trị', key: 'value', width: 110, render: (_, a) => capitalize(measureText(kind, a.value, a.total)) },
          { title: 'Nguồn', key: 'origin', render: (_, a) => (a.origin === 'computed' ? 'Tự tính' : `Nhập tay: ${a.note}`) },
        ]}
      />
    </>
  );
}
