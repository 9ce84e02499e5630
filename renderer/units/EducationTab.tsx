import { Button, Flex, Form, InputNumber, Radio, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { EducationStatusDto, EducationValues, UnitDto } from '../../shared/units';
import { useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { FormModal } from '../components/FormModal';
import { EDUCATION_LABELS as L, HAS_OPTIONS, hasLabel, levelLabel, levelOptions, PASS_OPTIONS, passLabel } from './educationLabels';
import { currentYear, YearPrefill } from './YearPrefill';

type EducationForm = EducationValues & { year: number };

const pickEducation = ({ literacyLevel, preschoolUniversal, primaryLevel, lowerSecondaryLevel, learningCentreIT }: EducationStatusDto): EducationValues => ({
  literacyLevel,
  preschoolUniversal,
  primaryLevel,
  lowerSecondaryLevel,
  learningCentreIT,
});

const REQUIRED = [{ required: true, message: 'Chọn một mức' }];

const EMPTY: EducationValues = { literacyLevel: 0, preschoolUniversal: false, primaryLevel: 0, lowerSecondaryLevel: 0, learningCentreIT: false };

const latestBefore = (rows: EducationStatusDto[], year: number) =>
  rows.filter((r) => r.year < year).sort((a, b) => b.year - a.year)[0];

const COLUMNS: TableColumnsType<EducationStatusDto> = [
  { title: 'Năm', dataIndex: 'year', width: 64 },
  { title: L.literacyLevel, dataIndex: 'literacyLevel', render: levelLabel },
  { title: L.preschoolUniversal, dataIndex: 'preschoolUniversal', render: passLabel },
  { title: L.primaryLevel, dataIndex: 'primaryLevel', render: levelLabel },
  { title: L.lowerSecondaryLevel, dataIndex: 'lowerSecondaryLevel', render: levelLabel },
  { title: L.learningCentreIT, dataIndex: 'learningCentreIT', render: hasLabel },
];

/** A commune's literacy and universal-education standing, year by year. */
export function EducationTab({ unit, rows }: { unit: UnitDto; rows: EducationStatusDto[] }) {
  const [editing, setEditing] = useState<Partial<EducationForm> | null>(null);
  const sorted = [...rows].sort((a, b) => b.year - a.year);
  const openYear = (year: number) => {
    // Standards rarely change from one year to the next, so a new year starts from the latest one recorded.
    const row = rows.find((r) => r.year === year) ?? latestBefore(rows, year);
    setEditing({ year, ...(row ? pickEducation(row) : EMPTY) });
  };
  const columns: TableColumnsType<EducationStatusDto> = [
    ...COLUMNS,
    {
      title: '',
      key: 'edit',
      width: 56,
      render: (_, row) => (
        <Button size="small" type="link" onClick={() => openYear(row.year)} aria-label={`Sửa giáo dục năm ${row.year}`}>
          Sửa
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
        <Typography.Text type="secondary">Kết quả công nhận chuẩn xóa mù chữ, phổ cập giáo dục theo từng năm.</Typography.Text>
        <Button onClick={() => openYear(currentYear())}>Nhập kết quả năm</Button>
      </Flex>
      {sorted.length === 0 ? (
        <EmptyState title="Chưa có kết quả năm nào" hint="Bấm “Nhập kết quả năm” để ghi mức độ xóa mù chữ, phổ cập giáo dục của đơn vị này." />
      ) : (
        <Table<EducationStatusDto> rowKey="id" size="small" columns={columns} dataSource={sorted} pagination={false} scroll={{ x: 640 }} />
      )}
      <EducationModal unit={unit} rows={rows} initial={editing} onClose={() => setEditing(null)} />
    </>
  );
}

interface EducationModalProps {
  unit: UnitDto;
  rows: EducationStatusDto[];
  initial: Partial<EducationForm> | null;
  onClose: () => void;
}

function EducationModal({ unit, rows, initial, onClose }: EducationModalProps) {
  const save = useApiMutation('units.saveEducation', { successMessage: (e) => `Đã lưu kết quả năm ${e.year}` });
  const submit = async (values: EducationForm) => {
    await save.mutateAsync({ ...values, unitId: unit.id });
    onClose();
  };
  const radio = (options: { value: number | boolean; label: string }[]) => <Radio.Group optionType="button" options={options} />;
  return (
    <FormModal<EducationForm> title={`Giáo dục — ${unit.name}`} open={initial !== null} onClose={onClose} onSubmit={submit} initialValues={initial ?? {}} width={620}>
      <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <YearPrefill rows={rows} pick={pickEducation} />
      <Form.Item name="literacyLevel" label={`${L.literacyLevel} (mức độ)`} rules={REQUIRED}>
        {radio(levelOptions(2))}
      </Form.Item>
      <Form.Item name="preschoolUniversal" label={L.preschoolUniversal} rules={REQUIRED}>
        {radio(PASS_OPTIONS)}
      </Form.Item>
      <Form.Item name="primaryLevel" label={`${L.primaryLevel} (mức độ)`} rules={REQUIRED}>
        {radio(levelOptions(3))}
      </Form.Item>
      <Form.Item name="lowerSecondaryLevel" label={`${L.lowerSecondaryLevel} (mức độ)`} rules={REQUIRED}>
        {radio(levelOptions(3))}
      </Form.Item>
      <Form.Item name="learningCentreIT" label={L.learningCentreIT} rules={REQUIRED}>
        {radio(HAS_OPTIONS)}
      </Form.Item>
    </FormModal>
  );
}
