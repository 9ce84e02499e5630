import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { PlanDto } from '../../../shared/plans';
import type { TargetDto } from '../../../shared/targets';
import { useApiMutation } from '../../components/api';
import { EmptyState } from '../../components/EmptyState';
import { ExportButton } from '../../components/ExportButton';
import { useConfirmDelete } from '../../components/useConfirmDelete';
import { RecordActualModal } from './RecordActualModal';
import { TargetFormModal } from './TargetFormModal';
import { TargetItem } from './TargetItem';
import { groupBySection } from './targetText';
import { OfficerOnly } from '../../accounts/OfficerOnly';

type Dialog = { kind: 'edit'; target: TargetDto | null } | { kind: 'actual'; target: TargetDto } | null;

/** The plan's targets grouped by section, each with milestones, actual and progress. */
export function TargetsTab({ plan, targets }: { plan: PlanDto; targets: TargetDto[] }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const confirmDelete = useConfirmDelete();
  const remove = useApiMutation('targets.delete', { successMessage: 'Đã xóa mục tiêu', notifyError: true });
  const groups = groupBySection(targets);
  const add = () => setDialog({ kind: 'edit', target: null });
  return (
    <>
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 8 }}>
        {targets.length > 0 && <ExportButton op="targets.export" input={{ planId: plan.id }} ariaLabel="Xuất Excel các mục tiêu của kế hoạch" />}
        <OfficerOnly>
          <Button type="primary" onClick={add}>
            Thêm mục tiêu
          </Button>
        </OfficerOnly>
      </Flex>
      {groups.length === 0 && (
        <EmptyState
          title="Chưa có mục tiêu nào."
          hint="Thêm các mục tiêu cụ thể của kế hoạch, mỗi mục tiêu với các mốc (thường là 2025 và 2030)."
          action={<Button onClick={add}>Thêm mục tiêu</Button>}
        />
      )}
      {groups.map((group) => (
        <section key={group.section} aria-label={group.section} style={{ marginBottom: 20 }}>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {group.section}
          </Typography.Title>
          <ul style={{ margin: 0, padding: 0 }}>
            {group.items.map(({ target, depth }) => (
              <TargetItem
                key={target.id}
                target={target}
                depth={depth}
                periodEnd={plan.periodEnd}
                onEdit={() => setDialog({ kind: 'edit', target })}
                onRecord={() => setDialog({ kind: 'actual', target })}
                onDelete={() =>
                  confirmDelete('Xóa mục tiêu này?', target.text, () => remove.mutateAsync({ id: target.id, rev: target.rev }))
                }
              />
            ))}
          </ul>
        </section>
      ))}
      <TargetFormModal
        open={dialog?.kind === 'edit'}
        plan={plan}
        targets={targets}
        target={dialog?.kind === 'edit' ? dialog.target : null}
        onClose={close}
      />
      {dialog?.kind === 'actual' && <RecordActualModal plan={plan} target={dialog.target} onClose={close} />}
    </>
  );
}
