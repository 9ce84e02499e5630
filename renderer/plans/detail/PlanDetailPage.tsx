import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateVi } from '../../../shared/dates';
import { PLAN_KIND_LABELS } from '../../../shared/plan-model';
import type { PlanDetail } from '../../../shared/plans';
import { apiQuery } from '../../components/api';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/QueryStatus';
import { EvidencePanel } from '../../evidence/EvidencePanel';
import { DutiesTab } from '../../reporting/DutiesTab';
import { TaskOutline } from '../../tasks/TaskOutline';
import { PlanFormModal } from '../PlanFormModal';
import { TargetsTab } from '../targets/TargetsTab';
import { ComponentPlansTab } from './ComponentPlansTab';
import { PlanActions } from './PlanActions';
import { PlanFacts } from './PlanFacts';

export function PlanDetailPage() {
  const { id = '' } = useParams();
  const detail = useQuery(apiQuery('plans.get', { id }));
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/plans">Kế hoạch</Link> }, { title: detail.data?.plan.number ?? (formatDateVi(detail.data?.plan.issuedOn) || 'Chi tiết') }]} />
      <QueryView query={detail} loadingText="Đang tải kế hoạch…">
        {(d) => <PlanView detail={d} />}
      </QueryView>
    </>
  );
}

const TAB_KEYS = ['targets', 'tasks', 'components', 'duties', 'evidence'] as const;
type TabKey = (typeof TAB_KEYS)[number];

function PlanView({ detail }: { detail: PlanDetail }) {
  const { plan } = detail;
  const [editing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TAB_KEYS.includes(requested) ? requested : params.get('task') ? 'tasks' : 'targets';
  const overdue = detail.tasks.filter((t) => t.overdue).length;
  return (
    <>
      <PageHeader
        title={`${PLAN_KIND_LABELS[plan.kind]}${plan.number ? ` số ${plan.number}` : plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : ''}`}
        subtitle={plan.title}
        extra={<PlanActions plan={plan} onEdit={() => setEditing(true)} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <PlanFacts plan={plan} />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'targets', label: `Mục tiêu (${detail.targets.length})`, children: <TargetsTab plan={plan} targets={detail.targets} /> },
            {
              key: 'tasks',
              label: `Nhiệm vụ (${detail.tasks.length}${overdue ? `, ${overdue} quá hạn` : ''})`,
              children: <TaskOutline planId={plan.id} tasks={detail.tasks} />,
            },
            {
              key: 'components',
              label: `Kế hoạch thành phần (${detail.componentPlans.length})`,
              children: <ComponentPlansTab planId={plan.id} rows={detail.componentPlans} />,
            },
            { key: 'duties', label: `Nghĩa vụ báo cáo (${detail.duties.length})`, children: <DutiesTab planId={plan.id} duties={detail.duties} /> },
            { key: 'evidence', label: 'Văn bản, minh chứng', children: <EvidencePanel recordTable="plans" recordId={plan.id} /> },
          ]}
        />
      </Card>
      <PlanFormModal open={editing} plan={plan} onClose={() => setEditing(false)} />
    </>
  );
}
