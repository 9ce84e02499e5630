import { AutoComplete, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { COMPUTED_SOURCE_LABELS, POPULATION_FIGURE_LABELS, type ComputedSource, type PopulationFigure } from '../../../shared/plan-model';
import type { PlanDto } from '../../../shared/plans';
import type { TargetDto } from '../../../shared/targets';
import { TITLE_LABELS, type TitleKind } from '../../../shared/titles-criteria';
import { useApiMutation } from '../../components/api';
import { FormModal } from '../../components/FormModal';
import { foldedSearch } from '../common/lookups';
import { MilestonesField, blankMilestone, milestoneFormValue, unitValuesOf, type MilestoneFormValue } from './MilestonesField';

const POPULATION_OPTIONS = (Object.keys(POPULATION_FIGURE_LABELS) as PopulationFigure[]).map((value) => ({ value, label: POPULATION_FIGURE_LABELS[value] }));
/** A title source travels through the one select as "title:cong_dan"; the two fields are split on submit. */
type SourceValue = ComputedSource | `title:${TitleKind}`;
const SOURCE_OPTIONS = [
  { label: 'Chuẩn của xã (đếm số xã đạt)', options: (Object.keys(COMPUTED_SOURCE_LABELS) as ComputedSource[]).map((value) => ({ value, label: COMPUTED_SOURCE_LABELS[value] })) },
  {
    label: 'Danh hiệu (đếm từ quyết định công nhận)',
    options: (Object.keys(TITLE_LABELS) as TitleKind[]).map((t) => ({ value: `title:${t}`, label: `Số đạt danh hiệu “${TITLE_LABELS[t]}”` })),
  },
];
const titleOf = (v: SourceValue | null | undefined): TitleKind | null => (v?.startsWith('title:') ? (v.slice(6) as TitleKind) : null);

interface TargetFormValues {
  section: string;
  code?: string;
  text: string;
  parentId?: string | null;
  population?: PopulationFigure | null;
  populationLabel?: string;
  source?: SourceValue | null;
  perCommune?: boolean;
  milestones: MilestoneFormValue[];
}

interface TargetFormModalProps {
  open: boolean;
  plan: PlanDto;
  targets: TargetDto[];
  target: TargetDto | null;
  onClose: () => void;
}

/** Adds a target to the plan, or edits one; a milestone year outside the period is refused beside that milestone. */
export function TargetFormModal({ open, plan, targets, target, onClose }: TargetFormModalProps) {
  const create = useApiMutation('targets.create', { successMessage: 'Đã thêm mục tiêu' });
  const update = useApiMutation('targets.update', { successMessage: 'Đã lưu mục tiêu' });
  const sections = [...new Set(targets.map((t) => t.section))];
  const parents = targets.filter((t) => t.id !== target?.id && t.parentId !== target?.id).map((t) => ({ value: t.id, label: `${t.code ? `${t.code} ` : ''}${t.text}` }));

  const submit = async (v: TargetFormValues) => {
    const fields = {
      section: v.section ?? '',
      code: v.code ?? '',
      text: v.text ?? '',
      parentId: v.parentId ?? null,
      population: v.population ?? null,
      populationLabel: v.populationLabel ?? '',
      source: titleOf(v.source) ? null : ((v.source as ComputedSource | undefined) ?? null),
      titleSource: titleOf(v.source),
      perCommune: v.perCommune ?? false,
      milestones: (v.milestones ?? []).map((m) => ({
        year: m.year ?? null,
        span: m.span ?? 'once',
        kind: m.kind,
        value: m.value as number,
        total: m.kind === 'unitCount' ? (m.total ?? null) : null,
        qualifier: m.qualifier ?? null,
        scope: m.scope ?? '',
        wording: m.wording ?? '',
        unitValues: v.perCommune && (!v.source || titleOf(v.source)) && m.span !== 'cumulative' && (m.kind === 'percent' || m.kind === 'count') ? unitValuesOf(m.groups) : [],
      })),
    };
    if (target) await update.mutateAsync({ ...fields, id: target.id, rev: target.rev });
    else await create.mutateAsync({ ...fields, planId: plan.id });
    onClose();
  };

  return (
    <FormModal<TargetFormValues>
      title={target ? 'Sửa mục tiêu' : 'Thêm mục tiêu'}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      width={900}
      submitText={target ? 'Lưu' : 'Thêm mục tiêu'}
      initialValues={target ? valuesOf(target) : newValues(plan, sections.at(-1))}
    >
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name="section" label="Nhóm mục tiêu" rules={[{ required: true, message: 'Nhập nhóm mục tiêu' }]}>
            <AutoComplete options={sections.map((s) => ({ value: s }))} placeholder="Xóa mù chữ và phổ cập giáo dục" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="code" label="Số hiệu">
            <Input placeholder="a, 2.1 …" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="text" label="Nội dung mục tiêu" rules={[{ required: true, message: 'Nhập nội dung mục tiêu' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="Số xã, thị trấn đạt chuẩn xóa mù chữ mức độ 2" />
      </Form.Item>
      <MilestonesField defaultYear={plan.periodEnd} />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="parentId" label="Thuộc mục tiêu (trong đó)">
            <Select options={parents} allowClear placeholder="Không" showSearch={foldedSearch} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="source" label="Tự tính từ số liệu" extra="Để trống thì nhập số liệu thực tế bằng tay. Danh hiệu: số được công nhận trong năm, chia cho số liệu ở ô “Tính tỷ lệ trên”.">
            <Select options={SOURCE_OPTIONS} allowClear placeholder="Không tự tính" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="population" label="Tính tỷ lệ trên">
            <Select options={POPULATION_OPTIONS} allowClear placeholder="Không có số liệu tương ứng" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="populationLabel" label="Đối tượng (theo văn bản)">
            <Input placeholder="người lớn trong độ tuổi" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="perCommune" valuePropName="checked">
        <Checkbox>Theo dõi từng xã (hiện trên biểu đồ Tổng quan)</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function newValues(plan: PlanDto, section: string | undefined): Partial<TargetFormValues> {
  // Plans usually set a mid-term (2025) and a final milestone.
  const years = plan.periodStart <= 2025 && plan.periodEnd > 2025 ? [2025, plan.periodEnd] : [plan.periodEnd];
  return { section: section ?? '', perCommune: false, milestones: years.map(blankMilestone) };
}

function valuesOf(t: TargetDto): TargetFormValues {
  return {
    section: t.section,
    code: t.code,
    text: t.text,
    parentId: t.parentId,
    population: t.population,
    populationLabel: t.populationLabel,
    source: t.titleSource ? `title:${t.titleSource}` : t.source,
    perCommune: t.perCommune,
    milestones: t.milestones.map(milestoneFormValue),
  };
}
