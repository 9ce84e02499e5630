import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, InputNumber, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { FIGURE_LABELS, type FigureSumsDto, type FigureValues, type UnitDto, type UnitFiguresDto } from '../../shared/units';
import { apiQuery, useApiMutation } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { EmptyState } from '../components/EmptyState';
import { FormModal } from '../components/FormModal';
import { currentYear, YearPrefill } from './YearPrefill';

const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as (keyof FigureValues)[];
const formatCount = (n: number) => n.toLocaleString('vi-VN');
const pickFigures = (row: UnitFiguresDto): FigureValues => Object.fromEntries(FIGURE_KEYS.map((k) => [k, row[k]])) as FigureValues;

type FigureForm = FigureValues & { year: number };

/**
 * Yearly figures of a unit: the denominators targets divide by. A unit with
 * units under it (the territory above all) shows first the sums of theirs,
 * which is what the whole territory's percentages divide by.
 */
export function FiguresTab({ unit, figures, childCount }: { unit: UnitDto; figures: UnitFiguresDto[]; childCount: number }) {
  const [editing, setEditing] = useState<Partial<FigureForm> | null>(null);
  const rows = [...figures].sort((a, b) => b.year - a.year);
  const openYear = (year: number) => {
    const row = figures.find((f) => f.year === year);
    setEditing(row ? { year, ...pickFigures(row) } : { year });
  };

  const columns: TableColumnsType<UnitFiguresDto> = [
    { title: 'Năm', dataIndex: 'year', width: 64 },
    ...FIGURE_KEYS.map((key) => ({ title: FIGURE_LABELS[key], dataIndex: key, align: 'right' as const, render: formatCount })),
    {
      title: '',
      key: 'edit',
      width: 56,
      render: (_, row) => (
        <Button size="small" type="link" onClick={() => openYear(row.year)} aria-label={`Sửa số liệu năm ${row.year}`}>
          Sửa
        </Button>
      ),
    },
  ];

  return (
    <>
      {childCount > 0 && <ChildSums unit={unit} />}
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} gap={12} wrap>
        <Typography.Text type="secondary">
          {childCount > 0 ? `Số liệu nhập riêng cho ${unit.name} (không dùng khi tính tỷ lệ toàn địa bàn).` : 'Số liệu dùng làm mẫu số khi tính tỉ lệ đạt của các mục tiêu.'}
        </Typography.Text>
        <Button onClick={() => openYear(currentYear())}>Nhập số liệu năm</Button>
      </Flex>
      {rows.length === 0 && childCount > 0 ? null : rows.length === 0 ? (
        <EmptyState
          title="Chưa có số liệu năm nào"
          hint="Bấm “Nhập số liệu năm” để nhập số hộ gia đình, dòng họ, người lớn… của đơn vị này."
        />
      ) : (
        <Table<UnitFiguresDto> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 640 }} />
      )}
      <FiguresModal unit={unit} figures={figures} initial={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** The figures of the units directly under this one, summed per year, with how many of them reported. */
function ChildSums({ unit }: { unit: UnitDto }) {
  const sums = useQuery(apiQuery('units.figureSums', { id: unit.id }));
  const columns: TableColumnsType<FigureSumsDto> = [
    { title: 'Năm', dataIndex: 'year', width: 64 },
    ...FIGURE_KEYS.map((key) => ({ title: FIGURE_LABELS[key], dataIndex: key, align: 'right' as const, render: formatCount })),
    {
      title: 'Đã nhập',
      key: 'reported',
      width: 90,
      render: (_, row) => (
        <span>
          {row.reported}/{row.of}
          {row.missing.length > 0 && ` (thiếu ${row.missing.join(', ')})`}
        </span>
      ),
    },
  ];
  return (
    <section aria-label={`Tổng số liệu các đơn vị trực thuộc ${unit.name}`} style={{ marginBottom: 20 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Tổng của các đơn vị trực thuộc
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Cộng từ số liệu hằng năm của từng đơn vị trực thuộc; tỷ lệ toàn địa bàn chỉ tính khi mọi đơn vị đã nhập số liệu năm đó.
      </Typography.Paragraph>
      <QueryView query={sums} loadingText="Đang cộng số liệu…">
        {(rows) =>
          rows.length === 0 ? (
            <Typography.Text type="secondary">Các đơn vị trực thuộc chưa có số liệu năm nào.</Typography.Text>
          ) : (
            <Table<FigureSumsDto> rowKey="year" size="small" columns={columns} dataSource={rows} pagination={false} />
          )
        }
      </QueryView>
    </section>
  );
}

function FiguresModal({ unit, figures, initial, onClose }: { unit: UnitDto; figures: UnitFiguresDto[]; initial: Partial<FigureForm> | null; onClose: () => void }) {
  const save = useApiMutation('units.saveFigures', { successMessage: (f) => `Đã lưu số liệu năm ${f.year}` });
  const submit = async (values: FigureForm) => {
    await save.mutateAsync({ ...values, unitId: unit.id });
    onClose();
  };
  return (
    <FormModal<FigureForm> title={`Số liệu hằng năm — ${unit.name}`} open={initial !== null} onClose={onClose} onSubmit={submit} initialValues={initial ?? {}} width={620}>
      <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <YearPrefill rows={figures} pick={pickFigures} />
      <Flex wrap gap="0 16px">
        {FIGURE_KEYS.map((key) => (
          <Form.Item key={key} name={key} label={FIGURE_LABELS[key]} rules={[{ required: true, message: 'Nhập số (0 nếu không có)' }]} style={{ width: 'calc(50% - 8px)' }}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Flex>
    </FormModal>
  );
}
