import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS, type PlanKind, type PlanStatus } from '../../shared/plan-model';
import type { PlanDto } from '../../shared/plans';
import { useApiMutation } from '../components/api';
import { DateInput, dateRules } from '../components/DateInput';
import { dayjsOf, isoOf } from './common/dates';
import { FormModal } from '../components/FormModal';
import { ReferencesField, type ReferenceFormValue } from './ReferencesField';

const KIND_OPTIONS = (Object.keys(PLAN_KIND_LABELS) as PlanKind[]).map((value) => ({ value, label: PLAN_KIND_LABELS[value] }));
const STATUS_OPTIONS = (Object.keys(PLAN_STATUS_LABELS) as PlanStatus[]).map((value) => ({ value, label: PLAN_STATUS_LABELS[value] }));

interface PlanFormValues {
  kind: PlanKind;
  number?: string | null;
  issuedOn?: Dayjs | null;
  issuer: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  status: PlanStatus;
  generalObjective?: string;
  note?: string;
  references?: ReferenceFormValue[];
}

const blankToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** Creates a plan (then opens it), or edits the given one. */
export function PlanFormModal({ open, plan, onClose }: { open: boolean; plan: PlanDto | null; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useApiMutation('plans.create', { successMessage: 'Đã tạo kế hoạch' });
  const update = useApiMutation('plans.update', { successMessage: 'Đã lưu kế hoạch' });

  const submit = async (v: PlanFormValues) => {
    const input = {
      fields: {
        kind: v.kind,
        number: blankToNull(v.number),
        issuedOn: isoOf(v.issuedOn),
        issuer: v.issuer ?? '',
        title: v.title ?? '',
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        status: v.status,
        generalObjective: v.generalObjective ?? '',
        note: v.note ?? '',
      },
      references: (v.references ?? []).map((r) => ({ relation: r.relation, citation: r.citation ?? '', number: blankToNull(r.number) })),
    };
    if (plan) {
      await update.mutateAsync({ ...input, id: plan.id, rev: plan.rev });
      onClose();
    } else {
      const created = await create.mutateAsync(input);
      onClose();
      navigate(`/plans/${created.id}`);
    }
  };

  return (
    <FormModal<PlanFormValues>
      title={plan ? 'Sửa kế hoạch' : 'Tạo kế hoạch'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={760}
      submitText={plan ? 'Lưu' : 'Tạo kế hoạch'}
      mapIssuePath={(path) => (path[0] === 'fields' ? path.slice(1) : path)}
      initialValues={plan ? valuesOf(plan) : { kind: 'ke_hoach', status: 'active', periodStart: 2021, periodEnd: 2030, references: [] }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="kind" label="Loại văn bản">
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="number" label="Số văn bản">
            <Input placeholder="4344/KH-UBND" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="issuedOn" label="Ngày ban hành" rules={dateRules()}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="issuer" label="Cơ quan ban hành" rules={[{ required: true, message: 'Nhập cơ quan ban hành' }]}>
        <Input placeholder="Ủy ban nhân dân huyện Tân Hồng" />
      </Form.Item>
      <Form.Item name="title" label="Trích yếu" rules={[{ required: true, message: 'Nhập trích yếu' }]}>
        <Input placeholder="Xây dựng xã hội học tập giai đoạn 2021 - 2030" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="periodStart" label="Từ năm" rules={[{ required: true, message: 'Nhập năm bắt đầu' }]}>
            <InputNumber min={1990} max={2100} controls={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="periodEnd" label="Đến năm" rules={[{ required: true, message: 'Nhập năm kết thúc' }]}>
            <InputNumber min={1990} max={2100} controls={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="status" label="Trạng thái">
            <Select options={STATUS_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="generalObjective" label="Mục tiêu chung">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <ReferencesField />
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}

function valuesOf(plan: PlanDto): PlanFormValues {
  return {
    kind: plan.kind,
    number: plan.number,
    issuedOn: dayjsOf(plan.issuedOn),
    issuer: plan.issuer,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status,
    generalObjective: plan.generalObjective,
    note: plan.note,
    references: plan.references.map((r) => ({ relation: r.relation, citation: r.citation, number: r.number })),
  };
}
