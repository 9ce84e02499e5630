import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateVi } from '../../../shared/dates';
import { PLAN_KIND_LABELS, PLAN_RELATION_LABELS } from '../../../shared/plan-model';
import type { PlanDto } from '../../../shared/plans';
import { PlanStatusTag } from '../common/tags';

/** The document facts: number, date, issuer, period, status, and the documents it cites or is cited by. */
export function PlanFacts({ plan }: { plan: PlanDto }) {
  const items = [
    { key: 'kind', label: 'Loại văn bản', children: PLAN_KIND_LABELS[plan.kind] },
    { key: 'number', label: 'Số', children: plan.number ?? <Typography.Text type="secondary">Không số</Typography.Text> },
    { key: 'date', label: 'Ngày ban hành', children: formatDateVi(plan.issuedOn) || '—' },
    { key: 'issuer', label: 'Cơ quan ban hành', children: plan.issuer },
    { key: 'period', label: 'Giai đoạn', children: `${plan.periodStart} – ${plan.periodEnd}` },
    { key: 'status', label: 'Trạng thái', children: <PlanStatusTag status={plan.status} /> },
  ];
  if (plan.references.length > 0) items.push({ key: 'refs', label: 'Căn cứ', children: <References plan={plan} /> });
  if (plan.citedBy.length > 0) items.push({ key: 'cited', label: 'Được dẫn chiếu bởi', children: <CitedBy plan={plan} /> });
  if (plan.generalObjective) items.push({ key: 'objective', label: 'Mục tiêu chung', children: <Paragraph text={plan.generalObjective} /> });
  if (plan.note) items.push({ key: 'note', label: 'Ghi chú', children: <Paragraph text={plan.note} /> });
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
      items={items.map((i) => ({ ...i, span: spanOf(i.key) }))}
    />
  );
}

const spanOf = (key: string) => (['refs', 'cited', 'objective', 'note'].includes(key) ? ('filled' as const) : 1);

const Paragraph = ({ text }: { text: string }) => <div style={{ whiteSpace: 'pre-line' }}>{text}</div>;

function References({ plan }: { plan: PlanDto }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {plan.references.map((r, i) => (
        <li key={i}>
          <Typography.Text type="secondary">{PLAN_RELATION_LABELS[r.relation]}: </Typography.Text>
          {r.linkedPlanId ? <Link to={`/plans/${r.linkedPlanId}`}>{r.citation}</Link> : r.citation}
        </li>
      ))}
    </ul>
  );
}

function CitedBy({ plan }: { plan: PlanDto }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {plan.citedBy.map((c) => (
        <li key={c.planId}>
          <Typography.Text type="secondary">{c.relation === 'replaces' ? 'Bị thay thế bởi' : c.relation === 'implements' ? 'Được thực hiện bởi' : 'Kèm theo'}: </Typography.Text>
          <Link to={`/plans/${c.planId}`}>{[c.number, c.title].filter(Boolean).join(' — ')}</Link>
        </li>
      ))}
    </ul>
  );
}
