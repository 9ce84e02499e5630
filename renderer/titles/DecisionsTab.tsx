import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatDateVi } from '../../shared/dates';
import type { DecisionDto } from '../../shared/titles';
import { TITLE_LABELS } from '../../shared/titles-criteria';
import { callOrThrowAppError, apiQuery, useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { QueryView } from '../components/QueryStatus';
import { useConfirmDelete } from '../components/useConfirmDelete';
import { base64ToBlob, downloadBlob } from '../plans/common/download';
import { ExportListButton } from './ListExportButtons';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Recognition decisions, printed with their annex list as PDF or as a Word document. */
export function DecisionsTab({ onOpenEvaluations }: { onOpenEvaluations: () => void }) {
  const decisions = useQuery(apiQuery('decisions.list', {}));
  const { notification, message } = App.useApp();
  const confirmDelete = useConfirmDelete();
  const [printing, setPrinting] = useState<string | null>(null);
  const remove = useApiMutation('decisions.delete', { notifyError: true, successMessage: 'Đã xóa quyết định; các đối tượng trở lại bước “Đề nghị công nhận”' });

  const print = async (d: DecisionDto, format: 'pdf' | 'docx') => {
    setPrinting(`${d.id}|${format}`);
    try {
      const file =
        format === 'pdf'
          ? await callOrThrowAppError('decisions.export', { id: d.id }).then((r) => ({ name: r.fileName, blob: base64ToBlob(r.pdfBase64, 'application/pdf') }))
          : await callOrThrowAppError('decisions.exportDocx', { id: d.id }).then((r) => ({ name: r.fileName, blob: base64ToBlob(r.docxBase64, DOCX_TYPE) }));
      downloadBlob(file.name, file.blob);
      void message.success(`Đã tạo ${file.name}`);
    } catch (error) {
      notification.error({ title: 'Không in được', description: (error as Error).message, duration: 8 });
    } finally {
      setPrinting(null);
    }
  };

  const columns: TableColumnsType<DecisionDto> = [
    { title: 'Số', dataIndex: 'number', width: 140 },
    { title: 'Ngày ký', dataIndex: 'signedOn', width: 110, render: (d: string) => formatDateVi(d) },
    { title: 'Danh hiệu', dataIndex: 'title', render: (t: DecisionDto['title'], row) => `${TITLE_LABELS[t]} năm ${row.year}` },
    { title: 'Cơ quan ban hành', dataIndex: 'authority', render: (a: string, row) => row.decider || a },
    { title: 'Số đối tượng', key: 'count', width: 110, render: (_, row) => row.evaluationIds.length },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 260,
      render: (_, row) => (
        <Flex gap={4}>
          <Button size="small" loading={printing === `${row.id}|pdf`} onClick={() => void print(row, 'pdf')} aria-label={`In quyết định ${row.number}`}>
            In (PDF)
          </Button>
          <Button size="small" loading={printing === `${row.id}|docx`} onClick={() => void print(row, 'docx')} aria-label={`Tải Word quyết định ${row.number}`}>
            Word
          </Button>
          <ExportListButton size="small" label="Danh sách (Excel)" ariaLabel={`Xuất danh sách được công nhận theo quyết định ${row.number}`} input={{ list: 'decision', id: row.id, showIdNumbers: false }} askForIds />
          <Button
            size="small"
            type="link"
            danger
            aria-label={`Xóa quyết định ${row.number}`}
            onClick={() => confirmDelete(`Xóa quyết định số ${row.number}?`, 'Các đối tượng trong quyết định trở lại bước “Đề nghị công nhận”.', () => remove.mutateAsync({ id: row.id, rev: row.rev }))}
          >
            Xóa
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <Card>
      <QueryView query={decisions} loadingText="Đang tải quyết định…">
        {(list) => (
          <Table<DecisionDto>
            aria-label="Quyết định công nhận"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list}
            pagination={false}
            locale={{ emptyText: <EmptyState title="Chưa có quyết định công nhận" hint="Ở thẻ “Đánh giá, đề nghị”, đánh dấu các hồ sơ ở bước “Đề nghị công nhận” rồi bấm “Lập quyết định công nhận”."
                    action={<Button onClick={onOpenEvaluations}>Mở hồ sơ đề nghị</Button>}
                  /> }}
          />
        )}
      </QueryView>
    </Card>
  );
}
