import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CertificateTemplate } from '../../shared/certificate-templates';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria';
import { apiQuery, useApiMutation } from '../components/api';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { FormErrorAlert } from '../components/FormErrorAlert';
import { useFormSubmit } from '../components/useFormSubmit';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { PreviewFrame } from './PreviewFrame';

const FIELDS: { name: keyof Omit<CertificateTemplate, 'title'>; label: string; hint?: string }[] = [
  { name: 'superiorBody', label: 'Cơ quan cấp trên (dòng nhỏ phía trên)', hint: 'Để trống nếu không có' },
  { name: 'issuingBody', label: 'Cơ quan cấp giấy', hint: 'Để trống: lấy cơ quan ban hành quyết định' },
  { name: 'heading', label: 'Tiêu đề giấy' },
  { name: 'lead', label: 'Dòng trước tên người được công nhận' },
  { name: 'achievement', label: 'Dòng danh hiệu (năm được thêm vào sau)' },
  { name: 'signerTitle', label: 'Chức vụ người ký', hint: 'Để trống: lấy theo quyết định' },
  { name: 'signerName', label: 'Họ tên người ký', hint: 'Để trống: lấy theo quyết định' },
  { name: 'place', label: 'Địa danh ghi ngày tháng', hint: 'Để trống: lấy theo quyết định' },
];

/** "Mẫu giấy công nhận": the wording of each title's certificate, with the page as it prints beside the form. */
export function TemplatePage() {
  const [title, setTitle] = useState<TitleKind>('cong_dan');
  const templates = useQuery(apiQuery('certificates.templates', {}));
  return (
    <>
      <PageHeader title="Mẫu giấy công nhận" subtitle="Lời văn trên giấy công nhận của từng danh hiệu; bố cục A4 ngang, quốc hiệu, tiêu ngữ, chỗ đóng dấu và mã QR giữ cố định." extra={<Link to="/certificates/print">In giấy công nhận</Link>} />
      <Card>
        <Segmented<TitleKind> aria-label="Danh hiệu" value={title} onChange={setTitle} options={TitleKind.options.map((t) => ({ value: t, label: TITLE_LABELS[t] }))} style={{ marginBottom: 16 }} />
        <QueryView query={templates} loadingText="Đang tải mẫu…">
          {(all) => <TemplateForm key={title} template={all.find((t) => t.title === title)!} />}
        </QueryView>
      </Card>
    </>
  );
}

function TemplateForm({ template }: { template: CertificateTemplate }) {
  const [form] = Form.useForm<CertificateTemplate>();
  const [draft, setDraft] = useState(template);
  useEffect(() => form.setFieldsValue(template), [form, template]);
  const shown = useDebouncedValue(draft, 400);
  const preview = useQuery({ ...apiQuery('certificates.templatePreview', shown), placeholderData: (previous) => previous });
  const save = useApiMutation('certificates.saveTemplate', { successMessage: `Đã lưu mẫu giấy “${TITLE_LABELS[template.title]}”` });
  const submit = useFormSubmit(form, (values: CertificateTemplate) => save.mutateAsync({ ...values, title: template.title }));
  return (
    <Flex gap={24} align="flex-start" wrap>
      <Form<CertificateTemplate>
        form={form}
        layout="vertical"
        style={{ width: 380 }}
        initialValues={template}
        onValuesChange={(_, values) => setDraft({ ...values, title: template.title })}
        onFinish={submit.onFinish}
      >
        {FIELDS.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} extra={f.hint} style={{ marginBottom: 12 }}>
            <Input />
          </Form.Item>
        ))}
        <FormErrorAlert error={submit.error} otherIssues={submit.otherIssues} />
        <Button type="primary" htmlType="submit" loading={submit.pending}>
          Lưu mẫu
        </Button>
      </Form>
      <QueryView query={preview} loadingText="Đang dựng mẫu…">
        {({ html }) => <PreviewFrame html={html} width={760} title={`Mẫu giấy ${TITLE_LABELS[template.title]}`} />}
      </QueryView>
    </Flex>
  );
}
