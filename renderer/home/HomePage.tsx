import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { formatDateVi } from '../../shared/dates';
import type { HomeOverview } from '../../shared/plans';
import { BackupReminder } from '../backup/BackupReminder';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { Loading, QueryView } from '../components/QueryStatus';
import { PlanFormModal } from '../plans/PlanFormModal';
import { NoPlans } from '../plans/PlansPage';
import { TemplateImportModal } from '../plans/TemplateImportModal';
import { CountCards } from './CountCards';
import { DueList } from './DueList';
import { dueItems } from './dueItems';

// ECharts is large; load it only when the chart is shown.
const CommuneProgressChart = lazy(() => import('./CommuneProgressChart'));

export function HomePage() {
  const overview = useQuery(apiQuery('home.overview', {}));
  return (
    <>
      <PageHeader title="Tổng quan" subtitle={overview.data && `Tình hình đến ngày ${formatDateVi(overview.data.today)}`} />
      <BackupReminder />
      <QueryView query={overview} loadingText="Đang tổng hợp tình hình…">
        {(data) => (data.counts.plans === 0 ? <Welcome /> : <Overview data={data} />)}
      </QueryView>
    </>
  );
}

function Welcome() {
  const [dialog, setDialog] = useState<'create' | 'template' | null>(null);
  return (
    <Card>
      <NoPlans onOpen={setDialog} />
      <PlanFormModal open={dialog === 'create'} plan={null} onClose={() => setDialog(null)} />
      <TemplateImportModal open={dialog === 'template'} onClose={() => setDialog(null)} />
    </Card>
  );
}

function Overview({ data }: { data: HomeOverview }) {
  return (
    <>
      <CountCards counts={data.counts} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <DueList
            title="Quá hạn"
            danger
            items={dueItems(data.overdueTasks, data.overdueReports)}
            empty="Không có việc nào quá hạn."
            more={[
              { label: 'nhiệm vụ', to: '/tasks?overdue=1' },
              { label: 'báo cáo', to: '/reports?show=overdue' },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <DueList title="30 ngày tới" items={dueItems(data.upcomingTasks, data.upcomingReports)} empty="Không có hạn nào trong 30 ngày tới."
            more={[
              { label: 'nhiệm vụ', to: '/tasks' },
              { label: 'báo cáo', to: '/reports?show=pending' },
            ]}
          />
        </Col>
      </Row>
      <Card title="Tiến độ mục tiêu theo xã" role="region" aria-label="Tiến độ mục tiêu theo xã">
        {data.communeProgress.length === 0 ? (
          <EmptyState
            title="Chưa có mục tiêu theo dõi từng xã."
            hint="Ở mục tiêu của kế hoạch, chọn “Theo dõi từng xã”; số liệu lấy từ tình hình giáo dục của các xã hoặc số liệu nhập tay."
          />
        ) : (
          <Suspense fallback={<Loading text="Đang vẽ biểu đồ…" />}>
            <CommuneProgressChart rows={data.communeProgress} />
          </Suspense>
        )}
      </Card>
    </>
  );
}
