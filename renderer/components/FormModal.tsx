import { Button, Form, Modal, Space } from 'antd';
import { useRef, type ReactNode } from 'react';
import { FormErrorAlert } from './FormErrorAlert';
import { focusFirstField } from './focus';
import { useFormSubmit } from './useFormSubmit';

interface FormModalProps<T> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Resolves when saved (the caller closes the dialog); a rejection is shown inside the dialog. */
  onSubmit: (values: T) => Promise<unknown>;
  initialValues?: Partial<T>;
  submitText?: string;
  width?: number;
  aliases?: Record<string, string>;
  children: ReactNode;
}

/**
 * A dialog holding one form: Enter submits, Esc closes, the first field takes focus,
 * and a failure lands beside the fields it names.
 */
export function FormModal<T>(props: FormModalProps<T>) {
  const bodyRef = useRef<HTMLDivElement>(null);
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onClose}
      footer={null}
      width={props.width ?? 560}
      destroyOnHidden
      afterOpenChange={(open) => open && focusFirstField(bodyRef.current)}
    >
      <div ref={bodyRef}>
        <FormModalBody {...props} />
      </div>
    </Modal>
  );
}

// Mounted only while the dialog is open, so every opening starts from clean values and no old error.
function FormModalBody<T>({ onSubmit, onClose, initialValues, submitText, aliases, children }: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const { onFinish, error, otherIssues, pending } = useFormSubmit(form, onSubmit, aliases);
  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional">
      {children}
      <FormErrorAlert error={error} otherIssues={otherIssues} />
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>Hủy</Button>
        <Button type="primary" htmlType="submit" loading={pending}>
          {submitText ?? 'Lưu'}
        </Button>
      </Space>
    </Form>
  );
}
