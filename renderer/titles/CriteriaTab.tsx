import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import type { CriteriaSetDto } from '../../shared/titles';
import { AREA_LABELS, TITLE_LABELS, maxTotal, type AreaKind } from '../../shared/titles-criteria';
import { apiQuery, callOrThrowAppError, useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { QueryView } from '../components/QueryStatus';
import { downloadBlob } from '../plans/common/download';
import { OfficerOnly } from '../accounts/OfficerOnly';

/** Criteria sets as data: samples to install, JSON to exchange, every version kept for the evaluations scored on it. */
export function CriteriaTab() {
  const sets = useQuery(apiQuery('criteria.list', {}));
  const { message, notification } = App.useApp();
  const install = useApiMutation('criteria.installSamples', { notifyError: true, successMessage: (r) => (r.installed > 0 ? `Đã cài ${r.installed} bộ tiêu chí mẫu` : 'Các bộ mẫu đã có sẵn') });
  const importSet = useApiMutation('criteria.import', { notifyError: true, successMessage: (s) => `Đã nhập ${s.definition.name}` });

  const exportSet = async (set: CriteriaSetDto) => {
    try {
      const file = await callOrThrowAppError('criteria.export', { id: set.id });
      downloadBlob(file.fileName, new Blob([file.content], { type: 'application/json' }));
      void message.success(`Đã xuất ${file.fileName}`);
    } catch (error) {
      notification.error({ title: 'Không xuất được', description: (error as Error).message });
    }
  };

  const columns: TableColumnsType<CriteriaSetDto> = [
    { title: 'Bộ tiêu chí', key: 'name', render: (_, s) => s.definition.name },
    { title: 'Danh hiệu', key: 'title', width: 200, render: (_, s) => TITLE_LABELS[s.definition.title] },
    { title: 'Phiên bản', dataIndex: 'version', width: 110, render: (v: number, s) => (s.current ? <Tag color="green">{v} — hiện hành</Tag> : <Tag>{v}</Tag>) },
    { title: 'Hồ sơ đã dùng', dataIndex: 'evaluationCount', width: 120 },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 130,
      render: (_, s) => (
        <Button size="small" onClick={() => void exportSet(s)} aria-label={`Xuất JSON: ${s.definition.name} phiên bản ${s.version}`}>
          Xuất JSON
        </Button>
      ),
    },
  ];
  return (
    <Card>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <OfficerOnly>
          <Button type="primary" loading={install.isPending} onClick={() => install.mutate({})}>
            Cài các bộ tiêu chí mẫu
          </Button>
        </OfficerOnly>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((content) => importSet.mutate({ content }));
            return false;
          }}
        >
          <Button loading={importSet.isPending}>Nhập bộ tiêu chí (JSON)</Button>
        </Upload>
      </Flex>
      <Typography.Paragraph type="secondary">
        Bộ mẫu ghi “mẫu — điều chỉnh theo văn bản hiện hành”: hãy đối chiếu với văn bản đang áp dụng. Sửa một bộ (xuất JSON, sửa, nhập lại) tạo bộ mới; hồ sơ đã chấm giữ nguyên phiên bản đã dùng.
      </Typography.Paragraph>
      <QueryView query={sets} loadingText="Đang tải bộ tiêu chí…">
        {(list) => (
          <Table<CriteriaSetDto>
            aria-label="Bộ tiêu chí"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list}
            pagination={false}
            expandable={{ expandedRowRender: (s) => <SetDetail set={s} /> }}
            locale={{ emptyText: <EmptyState title="Chưa có bộ tiêu chí" hint="Cài các bộ mẫu rồi điều chỉnh theo văn bản hiện hành." /> }}
          />
        )}
      </QueryView>
    </Card>
  );
}

function SetDetail({ set }: { set: CriteriaSetDto }) {
  const d = set.definition;
  const levels = d.levels
    .map((l) => {
      const areas = Object.entries(l.minTotalByArea).map(([area, min]) => `${min} với ${AREA_LABELS[area as AreaKind].toLocaleLowerCase('vi')}`);
      return `${l.label}: từ ${l.minTotal}${areas.length ? ` (${areas.join('; ')})` : ''}${l.requireFloors ? ', không chỉ số nào dưới điểm sàn' : ''}`;
    })
    .join(' · ');
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="Nhóm đối tượng">{d.group}</Descriptions.Item>
      <Descriptions.Item label="Căn cứ">{d.legalBasis}</Descriptions.Item>
      <Descriptions.Item label="Áp dụng">{`Từ năm ${d.fromYear}${d.toYear ? ` đến năm ${d.toYear}` : ''}`}</Descriptions.Item>
      <Descriptions.Item label="Ghi chú">{d.note}</Descriptions.Item>
      <Descriptions.Item label="Kết quả">{`${levels} · còn lại: ${d.failLabel}`}</Descriptions.Item>
      <Descriptions.Item label={`Tiêu chí (${maxTotal(d.criteria)} điểm)`}>
        {d.criteria.map((c) => (
          <div key={c.code}>
            <b>
              {c.code}. {c.name}
            </b>
            <ul style={{ margin: '2px 0 6px' }}>
              {c.indicators.map((i) => (
                <li key={i.code}>
                  {i.code}. {i.name} — {i.kind === 'points' ? `${i.max} điểm${i.floor !== null ? `, sàn ${i.floor}` : ''}` : 'đạt/không đạt'}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Descriptions.Item>
    </Descriptions>
  );
}
