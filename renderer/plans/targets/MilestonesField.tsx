import { Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { MEASURE_KIND_LABELS, QUALIFIER_LABELS, type MeasureKind, type Qualifier } from '../../../shared/plan-model';
import { MILESTONE_SPAN_LABELS, type MilestoneDto, type MilestoneSpan, type UnitValue } from '../../../shared/targets';
import { foldedSearch, useCommunes } from '../common/lookups';

const KIND_OPTIONS = (Object.keys(MEASURE_KIND_LABELS) as MeasureKind[]).map((value) => ({ value, label: MEASURE_KIND_LABELS[value] }));
const QUALIFIER_OPTIONS = (Object.keys(QUALIFIER_LABELS) as Qualifier[]).map((value) => ({ value, label: QUALIFIER_LABELS[value] }));
const SPAN_OPTIONS = (Object.keys(MILESTONE_SPAN_LABELS) as MilestoneSpan[]).map((value) => ({ value, label: MILESTONE_SPAN_LABELS[value] }));

/** Communes sharing one value of their own: "thị trấn Võ Xu và Đức Tài: 70%". */
export interface UnitValueGroup {
  unitIds: string[];
  value: number | null;
}

export interface MilestoneFormValue {
  year: number | null;
  span?: MilestoneSpan;
  kind: MeasureKind;
  value: number | null;
  total?: number | null;
  qualifier?: Qualifier | null;
  scope?: string;
  wording?: string;
  groups?: UnitValueGroup[];
}

export const blankMilestone = (year: number | null): MilestoneFormValue => ({ year, span: 'once', kind: 'percent', value: null, total: null, qualifier: null, scope: '', wording: '', groups: [] });

/** The form's groups of communes from the stored per-unit values: communes with the same value share a row. */
export function groupsOf(values: UnitValue[]): UnitValueGroup[] {
  const byValue = new Map<number, string[]>();
  for (const u of values) byValue.set(u.value, [...(byValue.get(u.value) ?? []), u.unitId]);
  return [...byValue].map(([value, unitIds]) => ({ unitIds, value }));
}

/** The per-unit values the groups set, one per commune. */
export function unitValuesOf(groups: UnitValueGroup[] | undefined): UnitValue[] {
  return (groups ?? []).flatMap((g) => (g.value === null ? [] : g.unitIds.map((unitId) => ({ unitId, value: g.value as number }))));
}

export const milestoneFormValue = (m: MilestoneDto): MilestoneFormValue => ({ ...m, groups: groupsOf(m.unitValues) });

/** The milestones of a target; each carries its own measure ("9/9 xã" in 2025, "100%" in 2030) and may repeat every year or sum up the years. */
export function MilestonesField({ defaultYear }: { defaultYear: number }) {
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>Các mốc</Typography.Text>
          {fields.map((field, index) => (
            <fieldset key={field.key} aria-label={`Mốc ${index + 1}`} style={{ border: '1px solid #eef0f2', borderRadius: 6, padding: '4px 12px 0', margin: '8px 0' }}>
              <Flex justify="space-between" align="center">
                <Typography.Text type="secondary">Mốc {index + 1}</Typography.Text>
                {fields.length > 1 && (
                  <Button type="link" size="small" danger onClick={() => remove(field.name)} aria-label={`Bỏ mốc ${index + 1}`}>
                    Bỏ mốc
                  </Button>
                )}
              </Flex>
              <MilestoneRow name={field.name} index={index} />
            </fieldset>
          ))}
          <Button onClick={() => add(blankMilestone(defaultYear))}>Thêm mốc</Button>
        </div>
      )}
    </Form.List>
  );
}

const YEAR_HINTS: Record<MilestoneSpan, { label: string; tooltip: string; placeholder: string }> = {
  once: { label: 'Năm', tooltip: 'Để trống khi văn bản không ghi năm: tính là cuối giai đoạn.', placeholder: 'Cuối kỳ' },
  yearly: { label: 'Từ năm', tooltip: 'Áp dụng cho từng năm, từ năm này đến cuối giai đoạn. Để trống: từ đầu giai đoạn.', placeholder: 'Đầu kỳ' },
  cumulative: { label: 'Đến năm', tooltip: 'Tổng cộng dồn số liệu các năm từ đầu giai đoạn đến năm này. Để trống: cuối giai đoạn.', placeholder: 'Cuối kỳ' },
};

function MilestoneRow({ name, index }: { name: number; index: number }) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['milestones', name, 'kind'], form) as MeasureKind | undefined;
  const span = (Form.useWatch(['milestones', name, 'span'], form) as MilestoneSpan | undefined) ?? 'once';
  const perCommune = Form.useWatch('perCommune', form) as boolean | undefined;
  const source = Form.useWatch('source', form) as string | null | undefined;
  const hint = YEAR_HINTS[span];
  const ownValues = perCommune === true && (!source || source.startsWith('title:')) && span !== 'cumulative' && (kind === 'percent' || kind === 'count');
  return (
    <>
      <Flex gap={12} wrap align="flex-start">
        <Form.Item name={[name, 'span']} label="Áp dụng" style={{ width: 150 }}>
          <Select options={SPAN_OPTIONS} />
        </Form.Item>
        <Form.Item name={[name, 'year']} label={hint.label} tooltip={hint.tooltip} style={{ width: 120 }}>
          <InputNumber min={1990} max={2100} controls={false} placeholder={hint.placeholder} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name={[name, 'qualifier']} label="Mức độ" style={{ width: 130 }}>
          <Select options={QUALIFIER_OPTIONS} allowClear placeholder="—" />
        </Form.Item>
        <Form.Item name={[name, 'kind']} label="Cách đo" style={{ width: 190 }}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        <Form.Item name={[name, 'value']} label={ownValues ? 'Giá trị (các xã còn lại)' : 'Giá trị'} rules={[{ required: true, message: 'Nhập giá trị' }]} style={{ width: ownValues ? 170 : 120 }}>
          <InputNumber min={0} controls={false} suffix={kind === 'percent' ? '%' : undefined} style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'unitCount' && (
          <Form.Item name={[name, 'total']} label="Tổng số" rules={[{ required: true, message: 'Nhập tổng số' }]} style={{ width: 100 }}>
            <InputNumber min={1} precision={0} controls={false} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Flex>
      {ownValues && <OwnValues name={name} index={index} percent={kind === 'percent'} />}
      <Flex gap={12} wrap>
        <Form.Item name={[name, 'scope']} label="Phạm vi" style={{ flex: '1 1 180px' }}>
          <Input placeholder="xã, thị trấn" />
        </Form.Item>
        <Form.Item name={[name, 'wording']} label="Nguyên văn" style={{ flex: '2 1 260px' }}>
          <Input placeholder="Câu chữ trong văn bản (không bắt buộc)" />
        </Form.Item>
      </Flex>
    </>
  );
}

/** Communes with a value of their own for this milestone; the others keep the milestone's value. */
function OwnValues({ name, index, percent }: { name: number; index: number; percent: boolean }) {
  const communes = useCommunes();
  return (
    <Form.List name={[name, 'groups']}>
      {(rows, { add, remove }) => (
        <div style={{ marginBottom: 12 }}>
          {rows.map((row, j) => (
            <Flex key={row.key} gap={12} wrap align="flex-start">
              <Form.Item
                name={[row.name, 'unitIds']}
                label={`Xã có giá trị riêng (nhóm ${j + 1})`}
                rules={[{ required: true, message: 'Chọn ít nhất một xã' }]}
                style={{ flex: '1 1 300px' }}
              >
                <Select mode="multiple" options={communes.options} showSearch={foldedSearch} placeholder="Chọn xã, thị trấn" aria-label={`Mốc ${index + 1}: xã có giá trị riêng, nhóm ${j + 1}`} />
              </Form.Item>
              <Form.Item name={[row.name, 'value']} label="Giá trị riêng" rules={[{ required: true, message: 'Nhập giá trị' }]} style={{ width: 130 }}>
                <InputNumber min={0} max={percent ? 100 : undefined} controls={false} suffix={percent ? '%' : undefined} style={{ width: '100%' }} aria-label={`Mốc ${index + 1}: giá trị riêng, nhóm ${j + 1}`} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(row.name)} style={{ marginTop: 30 }} aria-label={`Bỏ nhóm ${j + 1} của mốc ${index + 1}`}>
                Bỏ
              </Button>
            </Flex>
          ))}
          <Button size="small" onClick={() => add({ unitIds: [], value: null })}>
            Thêm giá trị riêng cho một số xã
          </Button>
        </div>
      )}
    </Form.List>
  );
}
