import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { CriteriaTab } from './CriteriaTab';
import { DecisionAuthoritiesTab } from './DecisionAuthoritiesTab';
import { DecisionsTab } from './DecisionsTab';
import { EvaluationsTab } from './EvaluationsTab';
import { SubjectsTab } from './SubjectsTab';

const TAB_KEYS = ['subjects', 'evaluations', 'decisions', 'criteria', 'authorities'] as const;

/** Learning titles: who is evaluated, the yearly evaluations and their workflow, the decisions, and the criteria sets. */
export function TitlesPage() {
  const [params, setParams] = useSearchParams();
  const active = TAB_KEYS.find((k) => k === params.get('tab')) ?? 'subjects';
  const open = (tab: (typeof TAB_KEYS)[number]) => setParams({ tab });
  const tabs = [
    { key: 'subjects', label: 'Đối tượng', children: <SubjectsTab /> },
    { key: 'evaluations', label: 'Đánh giá, đề nghị', children: <EvaluationsTab onOpenSubjects={() => open('subjects')} /> },
    { key: 'decisions', label: 'Quyết định công nhận', children: <DecisionsTab onOpenEvaluations={() => open('evaluations')} /> },
    { key: 'criteria', label: 'Bộ tiêu chí', children: <CriteriaTab /> },
    { key: 'authorities', label: 'Thẩm quyền công nhận', children: <DecisionAuthoritiesTab /> },
  ];
  return (
    <>
      <PageHeader title="Danh hiệu học tập" subtitle="Công dân, gia đình, dòng họ, cộng đồng và đơn vị học tập: đánh giá hằng năm và quyết định công nhận." />
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab })} items={tabs} destroyOnHidden />
    </>
  );
}
