import { Col, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import { MEASURE_KIND_LABELS, POPULATION_FIGURE_LABELS } from '../../../shared/plan-model';
import type { PlanDto } from '../../../shared/plans';
import type { ActualDto, TargetDto } from '../../../shared/targets';
import { useApiMutation } from '../../components/api';
import { currentYear } from '../common/dates';
import { FormModal } from '../../components/FormModal';
import { foldedSearch, useCommunes } from '../common/lookups';
import { actualMeasure, capitalize, measureKindOf } from './targetText';

interface ActualFormValues {
  year: number;
  unitId?: string | null;
  value?: number | null;
  total?: number | null;
  count?: number | null;
  note: string;
}

/** Enters an actual by hand, with a note saying where the figure comes from. */
export function RecordActualModal({ plan, target, onClose }: { plan: PlanDto; target: TargetDto; onClose: () => void }) {
  const record = useApiMutation('targets.recordActual', { successMessage: 'Đã ghi số liệu thực tế' });
  const communes = useCommunes();
  const kind = measureKindOf(target);
  const milestoneTotal = target.progress.milestone?.total ?? target.milestones.find((m) => m.total !== null)?.total ?? null;
  const year = Math.min(Math.max(currentYear(), plan.periodStart), plan.periodEnd);
  // A percentage of a population may be entered as the number reached: main divides it by the unit's yearly figure.
  const byCount = kind === 'percent' && target.population !== null;
  const populationName = target.population ? POPULATION_FIGURE_LABELS[target.population].toLowerCase() : '';

  const submit = async (v: ActualFormValues) => {
    await record.mutateAsync({
      targetId: target.id,
      year: v.year,
      unitId: v.unitId ?? null,
      value: v.value ?? 0,
      count: byCount ? (v.count ?? null) : null,
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
          <Form.Item
            name="value"
            label="Giá trị"
            dependencies={['count']}
            rules={[({ getFieldValue }) => ({ validator: (_, v) => (v !== null && v !== undefined) || (byCount && getFieldValue('count') != null) ? Promise.resolve() : Promise.reject(new Error(byCount ? 'Nhập tỷ lệ hoặc số lượng đạt' : 'Nhập giá trị')) })]}
          >
            <InputNumber min={0} max={kind === 'percent' ? 100 : undefined} controls={false} suffix={kind === 'percent' ? '%' : undefined} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {byCount && (
          <Col xs={12} sm={6}>
            <Form.Item name="count" label={`Hoặc số ${populationName} đạt`} tooltip="Tỷ lệ tự tính trên số liệu hằng năm của đơn vị (toàn địa bàn: tổng các xã).">
              <InputNumber min={0} precision={0} controls={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
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
  const communes = useCommunes();
  if (target.actuals.length === 0) return null;
  const kind = measureKindOf(target);
  // A commune counted from its standards either meets it or not.
  const valueText = (a: ActualDto) => (a.unitId !== null && target.source !== null ? (a.value >= 1 ? 'Đạt' : 'Chưa đạt') : capitalize(actualMeasure(a, kind)));
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
          { title: 'Đơn vị', key: 'unit', width: 150, render: (_, a) => (a.unitId === null ? 'Toàn địa bàn' : (communes.nameOf.get(a.unitId) ?? '—')) },
          { title: 'Giá trị', key: 'value', width: 110, render: (_, a) => valueText(a) },
          { title: 'Nguồn', key: 'origin', render: (_, a) => (a.origin === 'computed' ? 'Tự tính' : `Nhập tay: ${a.note}`) },
        ]}
      />
    </>
  );
}
