import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { EvaluationDto } from '../../shared/titles';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria';
import { EvaluationStatus, STATUS_LABELS, nextSteps, scoresEditable } from '../../shared/titles-workflow';
import { apiQuery, useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { QueryView } from '../components/QueryStatus';
import { useConfirmDelete } from '../components/useConfirmDelete';
import { DecisionFormModal } from './DecisionFormModal';
import { ImportListModal } from './ImportListModal';
import { ExportListButton } from './ListExportButtons';
import { ScoreFormModal } from './ScoreFormModal';
import { YEAR_OPTIONS, useUnitOptions } from './lookups';

const TITLE_OPTIONS = (Object.keys(TITLE_LABELS) as TitleKind[]).map((t) => ({ value: t, label: TITLE_LABELS[t] }));
const STATUS_OPTIONS = EvaluationStatus.options.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const STATUS_COLORS: Record<EvaluationStatus, string> = {
  dang_ky: 'default',
  tu_danh_gia: 'blue',
  xa_tham_dinh: 'geekblue',
  de_nghi: 'gold',
  cong_nhan: 'green',
  khong_cong_nhan: 'red',
};

/** The year's evaluations: scores, the workflow steps, and the proposals a decision recognises. */
export function EvaluationsTab({ onOpenSubjects }: { onOpenSubjects: () => void }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [title, setTitle] = useState<TitleKind>('cong_dan');
  const [communeId, setCommuneId] = useState<string | undefined>();
  const [status, setStatus] = useState<EvaluationStatus | undefined>();
  const [scoring, setScoring] = useState<EvaluationDto | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState(false);
  const [importing, setImporting] = useState(false);
  const { communes } = useUnitOptions();
  const confirmDelete = useConfirmDelete();
  const list = useQuery(apiQuery('evaluations.list', { year, title, communeId, status }));
  const advance = useApiMutation('evaluations.advance', { notifyError: true, successMessage: (e) => `${e.subjectName}: ${STATUS_LABELS[e.status]}` });
  const remove = useApiMutation('evaluations.delete', { notifyError: true, successMessage: 'Đã xóa hồ sơ đánh giá' });

  const columns: TableColumnsType<EvaluationDto> = [
    { title: 'Đối tượng', dataIndex: 'subjectName' },
    { title: 'Xã', dataIndex: 'communeName', width: 150 },
    { title: 'Điểm', dataIndex: 'total', width: 70, render: (t: number | null) => (t === null ? '—' : String(t).replace('.', ',')) },
    { title: 'Kết quả', dataIndex: 'resultLabel', width: 110, render: (label: string, row) => (label ? <Tag color={row.recognisedResult ? 'green' : 'orange'}>{label}</Tag> : <Typography.Text type="secondary">Chưa chấm đủ</Typography.Text>) },
    { title: 'Bước', dataIndex: 'status', width: 150, render: (s: EvaluationStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, row) => (
        <Flex wrap gap={4}>
          {scoresEditable(row.status) && (
            <Button size="small" onClick={() => setScoring(row)} aria-label={`Chấm điểm: ${row.subjectName}`}>
              Chấm điểm
            </Button>
          )}
          {nextSteps(row.status).map((to) => (
            <Button key={to} size="small" type="link" onClick={() => advance.mutate({ id: row.id, rev: row.rev, to })} aria-label={`${STATUS_LABELS[to]}: ${row.subjectName}`}>
              {EvaluationStatus.options.indexOf(to) < EvaluationStatus.options.indexOf(row.status) ? `← Trả về ${STATUS_LABELS[to]}` : `→ ${STATUS_LABELS[to]}`}
            </Button>
          ))}
          {row.status !== 'cong_nhan' && (
            <Button size="small" type="link" danger onClick={() => confirmDelete(`Xóa hồ sơ đánh giá của ${row.subjectName}?`, `Hồ sơ xét ${TITLE_LABELS[row.title]} năm ${row.year} cùng điểm đã chấm bị xóa (có ghi nhật ký).`, () => remove.mutateAsync({ id: row.id, rev: row.rev }))} aria-label={`Xóa hồ sơ: ${row.subjectName}`}>
              Xóa
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const rows = list.data ?? [];
  const proposals = rows.filter((r) => selected.includes(r.id) && r.status === 'de_nghi');
  return (
    <Card>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select aria-label="Năm" options={YEAR_OPTIONS} value={year} onChange={setYear} style={{ width: 120 }} />
        <Select aria-label="Danh hiệu" options={TITLE_OPTIONS} value={title} onChange={(t) => (setTitle(t), setSelected([]))} style={{ width: 260 }} />
        <Select aria-label="Xã" allowClear placeholder="Tất cả xã" options={communes} value={communeId} onChange={setCommuneId} style={{ width: 200 }} />
        <Select aria-label="Bước" allowClear placeholder="Mọi bước" options={STATUS_OPTIONS} value={status} onChange={setStatus} style={{ width: 190 }} />
        <Button onClick={() => setImporting(true)} style={{ marginLeft: 'auto' }}>
          Nhập điểm từ Excel
        </Button>
        <ExportListButton input={{ list: 'evaluations', year, title, communeId, status, showIdNumbers: false }} askForIds />
        <Button type="primary" disabled={proposals.length === 0} onClick={() => setDeciding(true)}>
          Lập quyết định công nhận ({proposals.length})
        </Button>
      </Flex>
      <QueryView query={list} loadingText="Đang tải hồ sơ đánh giá…">
        {() => (
          <Table<EvaluationDto>
            aria-label="Hồ sơ đánh giá"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (row) => ({ disabled: row.status !== 'de_nghi', 'aria-label': `Chọn ${row.subjectName}` }) }}
            locale={{
              emptyText: (
                <EmptyState
                  title={`Không có hồ sơ ${TITLE_LABELS[title]} năm ${year}${communeId || status ? ' khớp bộ lọc' : ''}`}
                  hint={communeId || status ? 'Bỏ lọc xã, bước hoặc chọn năm khác.' : 'Chọn năm khác, hoặc đăng ký đối tượng: ở thẻ “Đối tượng”, bấm “Đánh giá” trên dòng của họ.'}
                  action={<Button onClick={onOpenSubjects}>Mở danh sách đối tượng</Button>}
                />
              ),
            }}
          />
        )}
      </QueryView>
      {importing && <ImportListModal kind="evaluation" year={year} onClose={() => setImporting(false)} />}
      {scoring && <ScoreFormModal evaluation={scoring} onClose={() => setScoring(null)} />}
      {deciding && (
        <DecisionFormModal
          title={title}
          year={year}
          evaluations={proposals}
          onClose={() => {
            setDeciding(false);
            setSelected([]);
          }}
        />
      )}
    </Card>
  );
}
