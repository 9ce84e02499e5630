import { Button, Form, Modal, Space, type FormInstance } from 'antd';
import { useId, useRef, useState, type ReactNode } from 'react';
import type { AppError, FieldIssue } from '../../../shared/errors';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { toAppError } from '../../components/errors';
import { focusFirstField } from '../../components/focus';
import { applyIssuesDeep, type IssuePath } from './issues';

export interface DialogFormProps<T> {
  title: string;
  open: boolean;
  onClose: () => void;
  /** Resolves when saved (the caller closes the dialog); a rejection is shown inside the dialog. */
  onSubmit: (values: T) => Promise<unknown>;
  initialValues?: Partial<T>;
  submitText?: string;
  width?: number;
  /** Maps an issue path of the operation's input to the form's field path (e.g. drops a 'fields' wrapper). */
  mapIssuePath?: (path: IssuePath) => IssuePath;
  children: ReactNode;
  /** Shown under the form, e.g. a history of earlier entries. */
  after?: ReactNode;
}

/**
 * Like the shell's FormModal (Enter submits, Esc closes, first field focused),
 * but an issue on a nested field (a milestone, a deadline part) lands beside that field.
 */
export function DialogForm<T>(props: DialogFormProps<T>) {
  const bodyRef = useRef<HTMLDivElement>(null);
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onClose}
      footer={null}
      width={props.width ?? 600}
      destroyOnHidden
      afterOpenChange={(open) => open && focusFirstField(bodyRef.current)}
    >
      <div ref={bodyRef}>
        <DialogFormBody {...props} />
        {props.after}
      </div>
    </Modal>
  );
}

// Mounted only while open, so each opening starts from clean values and no old error.
function DialogFormBody<T>({ onSubmit, onClose, initialValues, submitText, mapIssuePath, children }: DialogFormProps<T>) {
  const [form] = Form.useForm<T>();
  // A form name prefixes the field ids, so a label never points at a same-named field elsewhere on the page.
  const name = `dlg${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const { onFinish, error, otherIssues, pending } = useDeepSubmit(form, onSubmit, mapIssuePath);
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

function useDeepSubmit<T>(form: FormInstance<T>, submit: (values: T) => Promise<unknown>, mapIssuePath?: (path: IssuePath) => IssuePath) {
  const [state, setState] = useState<{ error: AppError | null; otherIssues: FieldIssue[]; pending: boolean }>({
    error: null,
    otherIssues: [],
    pending: false,
  });
  const onFinish = async (values: T) => {
    setState({ error: null, otherIssues: [], pending: true });
    try {
      await submit(values);
      setState({ error: null, otherIssues: [], pending: false });
    } catch (caught) {
      const error = toAppError(caught);
      setState({ error, otherIssues: applyIssuesDeep(form, error, mapIssuePath), pending: false });
    }
  };
  return { ...state, onFinish };
}
