import { App, Button, Form, Modal, Space, type FormInstance } from 'antd';
import { useId, useRef, type ReactNode, type RefObject } from 'react';
import type { IssuePathMap } from './errors';
import { FormErrorAlert } from './FormErrorAlert';
import { focusFirstField } from './focus';
import { useFormSubmit } from './useFormSubmit';

export interface FormModalProps<T> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Resolves when saved (the caller closes the dialog); a rejection is shown inside the dialog. */
  onSubmit: (values: T) => Promise<unknown>;
  initialValues?: Partial<T>;
  submitText?: string;
  width?: number;
  /** Maps an issue path of the operation's input to the form's field path (e.g. drops a 'fields' wrapper). */
  mapIssuePath?: IssuePathMap;
  children: ReactNode;
  /** Shown under the form, e.g. a history of earlier entries. */
  after?: ReactNode;
}

/**
 * A dialog holding one form: Enter submits, Esc closes, the first field takes focus,
 * and a failure lands beside the (possibly nested) field it names. Closing a form
 * the officer has changed (Esc, ×, Hủy) asks first, so typed work is never lost by a slip.
 */
export function FormModal<T>(props: FormModalProps<T>) {
  const bodyRef = useRef<HTMLDivElement>(null);
  // The form lives in the body, made anew at every opening; the dialog only asks it whether it was changed.
  const formRef = useRef<FormInstance<T> | null>(null);
  const { modal } = App.useApp();
  // Esc can reach the dialog more than once for one key press; one question is enough.
  const asking = useRef(false);
  const close = () => {
    if (!formRef.current?.isFieldsTouched()) return props.onClose();
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      afterClose: () => {
        asking.current = false;
      },
      title: 'Bỏ các thay đổi chưa lưu?',
      content: 'Những gì vừa nhập trong hộp thoại này sẽ mất.',
      okText: 'Bỏ thay đổi',
      okButtonProps: { danger: true },
      cancelText: 'Tiếp tục nhập',
      onOk: props.onClose,
    });
  };
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={close}
      footer={null}
      width={props.width ?? 560}
      destroyOnHidden
      afterOpenChange={(open) => open && focusFirstField(bodyRef.current)}
    >
      <div ref={bodyRef}>
        <FormModalBody {...props} formRef={formRef} onClose={close} />
        {props.after}
      </div>
    </Modal>
  );
}

// Mounted only while the dialog is open, so every opening starts from clean values and no old error.
function FormModalBody<T>({ formRef, onSubmit, onClose, initialValues, submitText, mapIssuePath, children }: FormModalProps<T> & { formRef: RefObject<FormInstance<T> | null> }) {
  const [form] = Form.useForm<T>();
  formRef.current = form;
  // A form name prefixes the field ids, so a label never points at a same-named field elsewhere on the page.
  const name = `dlg${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const { onFinish, error, otherIssues, pending } = useFormSubmit(form, onSubmit, mapIssuePath);
  return (
    <Form form={form} name={name} layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional" scrollToFirstError>
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
