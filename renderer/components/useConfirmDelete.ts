import { App } from 'antd';

/** Asks before deleting; a refusal from main arrives through the mutation's own notification. */
export function useConfirmDelete() {
  const { modal } = App.useApp();
  return (title: string, content: string, remove: () => Promise<unknown>) =>
    modal.confirm({
      title,
      content,
      okText: 'Xóa',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      // Swallow the rejection: the dialog closes and the notification carries the reason.
      onOk: () => remove().catch(() => undefined),
    });
}
