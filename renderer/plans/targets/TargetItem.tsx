import { Button, Flex, Progress, Space, Tag, Typography } from 'antd';
import { COMPUTED_SOURCE_LABELS, POPULATION_FIGURE_LABELS } from '../../../shared/plan-model';
import type { TargetDto } from '../../../shared/targets';
import { ProgressTag } from '../common/tags';
import { actualText, measureKindOf, milestoneText, progressPercent } from './targetText';

const STROKE: Record<TargetDto['progress']['status'], string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  at_risk: '#fa8c16',
  missed: '#cf1322',
  no_data: '#bfbfbf',
};

interface TargetItemProps {
  target: TargetDto;
  depth: number;
  periodEnd: number;
  onEdit: () => void;
  onRecord: () => void;
  onDelete: () => void;
}

/** One target: its words, milestones, latest actual, and progress towards the next milestone. */
export function TargetItem({ target, depth, periodEnd, onEdit, onRecord, onDelete }: TargetItemProps) {
  const { progress } = target;
  const percent = progressPercent(progress.actual, progress.milestone);
  const population = target.populationLabel || (target.population ? POPULATION_FIGURE_LABELS[target.population] : '');
  return (
    <li
      aria-label={target.text}
      style={{ listStyle: 'none', padding: '12px 0', borderTop: '1px solid #f0f0f0', marginLeft: depth * 28 }}
    >
      <Flex justify="space-between" gap={16} wrap align="flex-start">
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <div>
            {depth > 0 && <Typography.Text type="secondary">Trong đó: </Typography.Text>}
            {target.code && <Typography.Text strong>{target.code} </Typography.Text>}
            <span>{target.text}</span>
          </div>
          <Space size={[6, 4]} wrap style={{ marginTop: 6 }}>
            <ProgressTag status={progress.status} />
            {target.milestones.map((m, i) => (
              <Tag key={i} variant="outlined" title={m.wording || undefined}>
                {milestoneText(m, periodEnd)}
              </Tag>
            ))}
            {target.perCommune && <Tag color="cyan">Theo dõi từng xã</Tag>}
          </Space>
          <div style={{ marginTop: 6, fontSize: 13 }}>
            {progress.actual ? (
              <Typography.Text>{actualText(progress.actual, measureKindOf(target))}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">Chưa có số liệu thực tế.</Typography.Text>
            )}
            {(population || target.source) && (
              <Typography.Text type="secondary">
                {' · '}
                {[population && `Tính trên: ${population}`, target.source && `Tự tính: ${COMPUTED_SOURCE_LABELS[target.source]}`].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
          </div>
        </div>
        <div style={{ flex: '0 1 260px', minWidth: 200 }}>
          {progress.milestoneYear !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Tới mốc {progress.milestoneYear}
            </Typography.Text>
          )}
          <Progress
            percent={percent ?? 0}
            strokeColor={STROKE[progress.status]}
            format={() => (percent === null ? '—' : `${percent}%`)}
            aria-label={`Tiến độ tới mốc ${progress.milestoneYear ?? ''}`.trim()}
          />
          <Space size={0} wrap>
            <Button size="small" type="link" onClick={onRecord} aria-label={`Nhập số liệu thực tế: ${target.text}`}>
              Nhập số liệu thực tế
            </Button>
            <Button size="small" type="link" onClick={onEdit} aria-label={`Sửa mục tiêu: ${target.text}`}>
              Sửa
            </Button>
            <Button size="small" type="link" danger onClick={onDelete} aria-label={`Xóa mục tiêu: ${target.text}`}>
              Xóa
            </Button>
          </Space>
        </div>
      </Flex>
    </li>
  );
}
