import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import type { HomeOverview } from '../../shared/plans';

interface CountCard {
  title: string;
  value: number | string;
  to: string;
  color?: string;
}

/** The counts of the overview, each a link to the list behind it. */
export function CountCards({ counts }: { counts: HomeOverview['counts'] }) {
  const cards: CountCard[] = [
    { title: 'Kế hoạch', value: counts.plans, to: '/plans' },
    { title: 'Nhiệm vụ', value: counts.tasks, to: '/tasks' },
    { title: 'Hoàn thành', value: counts.tasksDone, to: '/tasks?status=done', color: '#389e0d' },
    // Each card opens the list its number counts: the "Quá hạn" list below holds both these and the overdue reports.
    { title: 'Nhiệm vụ quá hạn', value: counts.tasksOverdue, to: '/tasks?overdue=1', color: counts.tasksOverdue ? '#cf1322' : undefined },
    { title: 'Mục tiêu đạt', value: `${counts.targetsAchieved}/${counts.targets}`, to: '/plans', color: '#389e0d' },
    { title: 'Mục tiêu có nguy cơ', value: counts.targetsAtRisk, to: '/plans', color: counts.targetsAtRisk ? '#d46b08' : undefined },
    { title: 'Báo cáo quá hạn', value: counts.reportsOverdue, to: '/reports?show=overdue', color: counts.reportsOverdue ? '#cf1322' : undefined },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.title} flex="1 1 150px">
          <Link to={c.to} aria-label={`${c.title}: ${c.value}`}>
            <Card size="small" hoverable>
              <Statistic title={c.title} value={c.value} styles={{ content: { color: c.color, fontWeight: 600 } }} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
