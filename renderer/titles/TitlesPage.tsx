import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { CriteriaTab } from './CriteriaTab';
import { DecisionsTab } from './DecisionsTab';
import { EvaluationsTab } from './EvaluationsTab';
import { SubjectsTab } from './SubjectsTab';

const TABS = [
  { key: 'subjects', label: 'Đối tượng', children: <SubjectsTab /> },
  { key: 'evaluations', label: 'Đánh giá, đề nghị', children: <EvaluationsTab /> },
  { key: 'decisions', label: 'Quyết định công nhận', children: <DecisionsTab /> },
  { key: 'criteria', label: 'Bộ tiêu chí', children: <CriteriaTab /> },
];

/** Learning titles: who is evaluated, the yearly evaluations and their workflow, the decisions, and the criteria sets. */
export function TitlesPage() {
  const [params, setParams] = useSearchParams();
  const active = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'subjects';
  return (
    <>
      <PageHeader title="Danh hiệu học tập" subtitle="Công dân, gia đình, dòng họ, cộng đồng và đơn vị học tập: đánh giá hằng năm và quyết định công nhận." />
      <Tabs activeKey={active} onChange={(tab) => setParams({ tab })} items={TABS} destroyOnHidden />
    </>
  );
}
