import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Flex, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AgencyDto } from '../../shared/agencies';
import type { TaskRow } from '../../shared/tasks';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { foldedSearch, useAgencies } from '../plans/common/lookups';
import { AgencyReports } from '../reporting/AgencyReports';
import { OccurrencesModal } from './OccurrencesModal';
import { ProgressReportModal } from './ProgressReportModal';
import { taskColumns } from './taskColumns';
import { compareByDue } from './taskTree';

/** What one agency owes and by when: tasks it leads, tasks it coordinates, reports it must send. */
export function AgencyWorkPage() {
  const [params, setParams] = useSearchParams();
  const agencies = useAgencies();
  const agencyId = params.get('agency') ?? undefined;
  const agency = agencyId ? agencies.byId.get(agencyId) : undefined;
  return (
    <>
      <PageHeader title="Việc của từng cơ quan" subtitle="Chọn một cơ quan để xem các nhiệm vụ được giao, thời hạn và các báo cáo phải nộp." />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Form.Item label="Cơ quan" htmlFor="agency-work-select" style={{ maxWidth: 480, marginBottom: 0 }}>
            <Select
              id="agency-work-select"
              options={agencies.options}
              value={agencyId}
              onChange={(id) => setParams(id ? { agency: id } : {}, { replace: true })}
              showSearch={foldedSearch}
              allowClear
              loading={agencies.isPending}
              placeholder="Gõ tên cơ quan (không dấu cũng được)"
            />
          </Form.Item>
        </Form>
      </Card>
      {agency ? (
        <AgencyWork agency={agency} />
      ) : (
        <Card>
          <EmptyState
            title={agencies.list.length === 0 && !agencies.isPending ? 'Chưa có cơ quan nào.' : 'Chưa chọn cơ quan.'}
            hint={
              agencies.list.length === 0 && !agencies.isPending
                ? 'Thêm các phòng, ban, đoàn thể ở trang Cơ quan, đơn vị, rồi giao nhiệm vụ cho họ trong kế hoạch.'
                : 'Chọn một cơ quan ở ô phía trên để xem việc của cơ quan đó.'
            }
          />
        </Card>
      )}
    </>
  );
}

function AgencyWork({ agency }: { agency: AgencyDto }) {
  const tasks = useQuery(apiQuery('tasks.list', { agencyId: agency.id, agencyRole: 'any' }));
  const [showDone, setShowDone] = useState(false);
  const [reporting, setReporting] = useState<TaskRow | null>(null);
  const [ticking, setTicking] = useState<TaskRow | null>(null);
  return (
    <>
      <QueryView query={tasks} loadingText="Đang tải nhiệm vụ của cơ quan…">
        {(rows) => {
          const open = rows.filter((t) => showDone || t.status !== 'done').sort(compareByDue);
          const lead = open.filter((t) => t.leadAgencyId === agency.id);
          const coordinating = open.filter((t) => t.leadAgencyId !== agency.id);
          const overdue = open.filter((t) => t.overdue).length;
          return (
            <>
              <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
                <Typography.Text>
                  <strong>{agency.name}</strong>: {lead.length} nhiệm vụ chủ trì, {coordinating.length} nhiệm vụ phối hợp
                  {overdue > 0 && <Typography.Text type="danger">, {overdue} quá hạn</Typography.Text>}.
                </Typography.Text>
                <Checkbox checked={showDone} onChange={(e) => setShowDone(e.target.checked)}>
                  Hiện cả nhiệm vụ đã hoàn thành
                </Checkbox>
              </Flex>
              <TaskSection title="Chủ trì" showLead={false} rows={lead} empty="Không có nhiệm vụ nào cơ quan này chủ trì." onReport={setReporting} onOccurrences={setTicking} />
              <TaskSection title="Phối hợp" rows={coordinating} empty="Không có nhiệm vụ nào cơ quan này phối hợp." onReport={setReporting} onOccurrences={setTicking} />
            </>
          );
        }}
      </QueryView>
      <AgencyReports agency={agency} />
      {reporting && <ProgressReportModal task={reporting} onClose={() => setReporting(null)} />}
      {ticking && <OccurrencesModal task={ticking} onClose={() => setTicking(null)} />}
    </>
  );
}

interface TaskSectionProps {
  title: string;
  rows: TaskRow[];
  empty: string;
  showLead?: boolean;
  onReport: (t: TaskRow) => void;
  onOccurrences: (t: TaskRow) => void;
}

function TaskSection({ title, rows, empty, showLead = true, onReport, onOccurrences }: TaskSectionProps) {
  return (
    <Card title={`${title} (${rows.length})`} style={{ marginBottom: 16 }} role="region" aria-label={title}>
      <Table<TaskRow>
        rowKey="id"
        size="small"
        columns={taskColumns({ onReport, onOccurrences, showLead })}
        dataSource={rows}
        pagination={rows.length > 30 ? { pageSize: 30 } : false}
        locale={{ emptyText: empty }}
      />
    </Card>
  );
}
