import { Button, Checkbox, Flex, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TaskDto } from '../../shared/tasks';
import { useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { useConfirmDelete } from '../components/useConfirmDelete';
import { useAgencies } from '../plans/common/lookups';
import { OccurrencesModal } from './OccurrencesModal';
import { ProgressReportModal } from './ProgressReportModal';
import { TaskFormModal, type TaskEditing } from './TaskFormModal';
import { TaskOutlineItem } from './TaskOutlineItem';
import { buildOutline, type OutlineNode } from './taskTree';
import { OfficerOnly } from '../accounts/OfficerOnly';

/** The plan's tasks as an indented outline, with add, edit, delete and progress reports. */
export function TaskOutline({ planId, tasks }: { planId: string; tasks: TaskDto[] }) {
  const agencies = useAgencies();
  const confirmDelete = useConfirmDelete();
  const remove = useApiMutation('tasks.delete', { successMessage: 'Đã xóa nhiệm vụ', notifyError: true });
  const [editing, setEditing] = useState<TaskEditing | null>(null);
  const [reporting, setReporting] = useState<TaskDto | null>(null);
  const [ticking, setTicking] = useState<TaskDto | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const focusId = useSearchParams()[0].get('task');
  const outline = useMemo(() => {
    const all = buildOutline(tasks);
    return overdueOnly ? pruneToOverdue(all) : all;
  }, [tasks, overdueOnly]);
  const overdueCount = tasks.filter((t) => t.overdue).length;

  useEffect(() => {
    if (focusId) document.querySelector(`[data-row-id="${CSS.escape(focusId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusId]);

  const add = () => setEditing({ parentId: null });
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} disabled={overdueCount === 0}>
          Chỉ nhiệm vụ quá hạn ({overdueCount})
        </Checkbox>
        <OfficerOnly>
          <Button type="primary" onClick={add}>
            Thêm nhiệm vụ
          </Button>
        </OfficerOnly>
      </Flex>
      {tasks.length === 0 ? (
        <EmptyState
          title="Chưa có nhiệm vụ nào."
          hint="Thêm các nhiệm vụ, giải pháp của kế hoạch theo đúng số thứ tự của văn bản, rồi giao cơ quan chủ trì, phối hợp và thời hạn."
          action={<Button onClick={add}>Thêm nhiệm vụ</Button>}
        />
      ) : (
        <>
          <Typography.Text type="secondary">
            {tasks.length} mục · {overdueCount} quá hạn · {tasks.filter((t) => t.status === 'done').length} hoàn thành
          </Typography.Text>
          <ul aria-label="Nhiệm vụ của kế hoạch" style={{ margin: '8px 0 0', padding: 0 }}>
            {outline.map((node) => (
              <TaskOutlineItem
                key={node.task.id}
                node={node}
                agencyName={agencies.shortName}
                agencyTitle={agencies.fullName}
                focusId={focusId}
                onReport={setReporting}
                onOccurrences={setTicking}
                onAddChild={(task) => setEditing({ parentId: task.id })}
                onEdit={(task) => setEditing({ task })}
                onDelete={(task) =>
                  confirmDelete('Xóa nhiệm vụ này?', task.text, () => remove.mutateAsync({ id: task.id, rev: task.rev }))
                }
              />
            ))}
          </ul>
        </>
      )}
      <TaskFormModal open={editing !== null} planId={planId} tasks={tasks} editing={editing} onClose={() => setEditing(null)} />
      {reporting && <ProgressReportModal task={reporting} onClose={() => setReporting(null)} />}
      {ticking && <OccurrencesModal task={ticking} onClose={() => setTicking(null)} />}
    </>
  );
}

/** Keeps overdue tasks and the headings above them, so each stays in its place in the outline. */
function pruneToOverdue(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => {
    const children = pruneToOverdue(n.children);
    return n.task.overdue || children.length > 0 ? [{ ...n, children }] : [];
  });
}
