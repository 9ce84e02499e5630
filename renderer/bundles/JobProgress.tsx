import { Button, Card, Flex, Progress, Typography } from 'antd';
import { JOB_PHASE_LABELS } from '../../shared/jobs';
import { percentOf, type JobStatusLike } from './useJob';

/** A running job: what it is doing, how far, and a cancel button that takes the focus (Enter or Space cancels). */
export function JobProgress({ title, status, onCancel, detail }: { title: string; status: JobStatusLike<unknown> | null; onCancel: () => void; detail?: string }) {
  return (
    <Card size="small" title={title} role="status" aria-live="polite">
      <Flex align="center" gap={16}>
        <Typography.Text style={{ minWidth: 220 }}>{detail ?? JOB_PHASE_LABELS[status?.phase ?? 'queued']}</Typography.Text>
        <Progress percent={percentOf(status)} status="active" aria-label={`Tiến độ: ${title.toLowerCase()}`} style={{ flex: 1, margin: 0 }} />
        <Button onClick={onCancel} autoFocus>
          Hủy
        </Button>
      </Flex>
    </Card>
  );
}
