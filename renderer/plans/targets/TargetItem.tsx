import { Button, Flex, Progress, Space, Tag, Typography } from 'antd';
import { COMPUTED_SOURCE_LABELS, POPULATION_FIGURE_LABELS } from '../../../shared/plan-model';
import { TITLE_LABELS } from '../../../shared/titles-criteria';
import { progressLabel } from '../../../shared/target-progress';
import type { CommuneStanding, TargetDto } from '../../../shared/targets';
import { currentYear } from '../common/dates';
import { PROGRESS_COLORS } from '../common/tags';
import { actualMeasure, actualText, measureKindOf, milestoneText } from './targetText';

const STROKE: Record<TargetDto['progress']['status'], string> = {
  achieved: '#389e0d',
  on_track: '#1677ff',
  at_risk: '#d46b08',
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

/**
 * One target: its words, milestones, latest actual, and its standing. The
 * label and the bar speak of the same milestone ("Không đạt mốc 2025" beside
 * how far 2025 got), so a full bar only ever sits beside "Đạt".
 */
export function TargetItem({ target, depth, periodEnd, onEdit, onRecord, onDelete }: TargetItemProps) {
  const { progress } = target;
  const year = currentYear();
  const label = progressLabel(progress, year);
  const population = target.populationLabel || (target.population ? POPULATION_FIGURE_LABELS[target.population] : '');
  const missedYears = progress.checkpoints.filter((c) => c.passed && c.met === false).map((c) => c.year);
  return (
    <li aria-label={target.text} style={{ listStyle: 'none', padding: '12px 0', borderTop: '1px solid #f0f0f0', marginLeft: depth * 28 }}>
      <Flex justify="space-between" gap={16} wrap align="flex-start">
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <div>
            {depth > 0 && <Typography.Text type="secondary">Trong đó: </Typography.Text>}
            {target.code && <Typography.Text strong>{target.code} </Typography.Text>}
            <span>{target.text}</span>
          </div>
          <Space size={[6, 4]} wrap style={{ marginTop: 6 }}>
            <Tag color={PROGRESS_COLORS[progress.status]} aria-label={`Tình trạng: ${label}`}>
              {label}
            </Tag>
            {target.milestones.map((m, i) => (
              <Tag key={i} variant="outlined" title={m.wording || undefined}>
                {milestoneText(m, periodEnd)}
              </Tag>
            ))}
            {target.perCommune && <Tag color="cyan">Theo dõi từng xã</Tag>}
          </Space>
          <div style={{ marginTop: 6, fontSize: 13 }}>
            {progress.actual ? (
              <Typography.Text>{actualText(progress.actual, progress.milestone?.kind ?? measureKindOf(target))}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">Chưa có số liệu thực tế.</Typography.Text>
            )}
            {(population || target.source || target.titleSource) && (
              <Typography.Text type="secondary">
                {' · '}
                {[
                  population && `Tính trên: ${population}`,
                  target.source && `Tự tính: ${COMPUTED_SOURCE_LABELS[target.source]}`,
                  target.titleSource && `Tự tính: số đạt danh hiệu “${TITLE_LABELS[target.titleSource]}” (từ quyết định công nhận)`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            )}
            {missedYears.length > 1 && <Typography.Text type="danger">{` · Không đạt các năm: ${missedYears.join(', ')}`}</Typography.Text>}
          </div>
          {target.perCommune && target.communes.length > 0 && <CommuneStandings communes={target.communes} year={year} />}
        </div>
        <div style={{ flex: '0 1 260px', minWidth: 200 }}>
          {progress.milestoneYear !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {progress.milestoneYear < year ? `Mốc ${progress.milestoneYear} (đã qua)` : `Tới mốc ${progress.milestoneYear}`}
            </Typography.Text>
          )}
          <Progress
            percent={progress.percent ?? 0}
            strokeColor={STROKE[progress.status]}
            format={() => (progress.percent === null ? '—' : `${progress.percent}%`)}
            aria-label={`Tiến độ mốc ${progress.milestoneYear ?? ''}: ${label}`.trim()}
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

/** Each commune against its own value: "Sa Rài: 65% / 70% — Không đạt mốc 2027". */
function CommuneStandings({ communes, year }: { communes: CommuneStanding[]; year: number }) {
  const achieved = communes.filter((c) => c.status === 'achieved').length;
  return (
    <details style={{ marginTop: 6, fontSize: 13 }}>
      <summary>
        Từng xã: {achieved}/{communes.length} xã đạt
      </summary>
      <ul aria-label="Tiến độ từng xã" style={{ margin: '4px 0 0', paddingLeft: 18 }}>
        {communes.map((c) => (
          <li key={c.unitId}>
            <Typography.Text strong>{c.name}</Typography.Text>
            {': '}
            {standingText(c)}
            {' — '}
            <Typography.Text type={c.status === 'achieved' ? 'success' : c.status === 'missed' || c.status === 'at_risk' ? 'danger' : 'secondary'}>
              {progressLabel(c, year)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "65% / 70%" (the commune's figure over its own goal), or "đạt" for a standard met or not. */
function standingText(c: CommuneStanding): string {
  const m = c.milestone;
  if (!m) return '';
  const reached = c.actual ? actualMeasure(c.actual, m.kind) : 'chưa có số liệu';
  if (m.kind === 'boolean') return reached;
  return `${reached} / ${m.kind === 'percent' ? `${m.value.toLocaleString('vi-VN')}%` : m.value.toLocaleString('vi-VN')}`;
}
