import { Button, Space } from 'antd';
import { useCan } from '../accounts/session';
import { useConfirmDelete } from './useConfirmDelete';

interface EditDeleteActionsProps {
  /** What the row is, for the buttons' accessible names: "Sửa: <name>". */
  name: string;
  onEdit: () => void;
  /** The confirmation's question and explanation, then the deletion itself. */
  confirm: { title: string; content: string };
  onDelete: () => Promise<unknown>;
}

/** The "Sửa / Xóa" pair of a table row; deleting asks first. */
export function EditDeleteActions({ name, onEdit, confirm, onDelete }: EditDeleteActionsProps) {
  const canEdit = useCan('officer');
  const confirmDelete = useConfirmDelete();
  // A read-only account sees no edit buttons; the dispatcher would refuse the change anyway.
  if (!canEdit) return null;
  return (
    <Space size={0}>
      <Button size="small" type="link" onClick={onEdit} aria-label={`Sửa: ${name}`}>
        Sửa
      </Button>
      <Button size="small" type="link" danger aria-label={`Xóa: ${name}`} onClick={() => confirmDelete(confirm.title, confirm.content, onDelete)}>
        Xóa
      </Button>
    </Space>
  );
}
