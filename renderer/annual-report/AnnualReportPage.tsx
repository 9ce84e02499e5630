import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Flex, Form, Input, Row, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  PLACEHOLDERS,
  placeholderIssues,
  TEMPLATE_FIELD_LABELS,
  type AnnualReportFigures,
  type AnnualReportTemplate,
  type ReportCommuneRow,
  type ReportTargetRow,
  type TemplateField,
} from '../../shared/annual-report';
import { formatDateVi } from '../../shared/dates';
import { OfficerOnly } from '../accounts/OfficerOnly';
import { apiQuery, callOrThrowAppError, useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { base64ToBlob, downloadBlob } from '../plans/common/download';
import { StatisticsDownloadButton } from '../statistics/StatisticsDownloadButton';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: THIS_YEAR - 2015 + 1 }, (_, i) => THIS_YEAR - i);

/** Short fields on one line each; the prose sections get a text area. */
const SHORT_FIELDS: TemplateField[] = ['parentAgency', 'issuer', 'numberPattern', 'place', 'subject', 'signerName'];
const LONG_FIELDS: TemplateField[] = ['opening', 'assessment', 'shortcomings', 'nextYear', 'proposals', 'recipients', 'signerTitle'];
const HINTS: Partial<Record<TemplateField, string>> = {
  recipients: 'Mỗi nơi nhận một dòng.',
  signerTitle: 'Mỗi dòng một chức danh, ví dụ “KT. TRƯỞNG PHÒNG” rồi “PHÓ TRƯỞNG PHÒNG”.',
  opening: 'Mỗi dòng là một đoạn văn trong Word.',
  numberPattern: 'Để trống phần số cho văn thư điền, ví dụ “      /BC-PGDĐT”.',
};

/** "Báo cáo năm": the yearly report in Word from the office's wording and the year's figures. */
export function AnnualReportPage() {
  const [year, setYear] = useState(THIS_YEAR);
  const view = useQuery(apiQuery('report.get', { year }));
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const file = await callOrThrowAppError('report.exportDocx', { year });
      downloadBlob(file.fileName, base64ToBlob(file.docxBase64, DOCX_TYPE));
      void message.success(`Đã tạo ${file.fileName}`);
    } catch (error) {
      notification.error({ title: 'Không tạo được báo cáo', description: (error as Error).message, duration: 8 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <PageHeader
        title="Báo cáo năm"
        subtitle="Báo cáo kết quả thực hiện kế hoạch năm, theo thể thức Nghị định 30/2020 — mở và sửa tiếp được trong Word"
        extra={
          <>
            <Select aria-label="Năm báo cáo" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: `Năm ${y}` }))} style={{ width: 130 }} />
            <Button type="primary" loading={busy} onClick={() => void download()}>
              Tải báo cáo (.docx)
            </Button>
            <StatisticsDownloadButton year={year} />
          </>
        }
      />
      <QueryView query={view} loadingText="Đang tổng hợp số liệu…">
        {(data) => (
          <Flex vertical gap={16}>
            <FiguresCard figures={data.figures} />
            <TemplateCard key={JSON.stringify(data.template)} template={data.template} saved={data.saved} values={data.values} />
          </Flex>
        )}
      </QueryView>
    </div>
  );
}

const targetColumns: TableColumnsType<ReportTargetRow> = [
  { title: 'Chỉ tiêu', dataIndex: 'text', render: (text: string, r) => `${r.code ? `${r.code} ` : ''}${text}` },
  { title: 'Mốc', dataIndex: 'milestones', width: 260, render: (m: string[]) => m.join('; ') },
  { title: 'Kết quả', dataIndex: 'actual', width: 150, render: (a: string, r) => [a, r.communesMet === null ? '' : `${r.communesMet} xã đạt`].filter(Boolean).join(' · ') || '—' },
  { title: 'Đánh giá', dataIndex: 'statusLabel', width: 170 },
];

const communeColumns: TableColumnsType<ReportCommuneRow> = [
  { title: 'Xã, thị trấn', dataIndex: 'name' },
  { title: 'Đạt', dataIndex: 'achieved', width: 80, align: 'right' },
  { title: 'Đúng tiến độ', dataIndex: 'onTrack', width: 110, align: 'right' },
  { title: 'Chưa đạt', dataIndex: 'behind', width: 90, align: 'right' },
  { title: 'Chưa có số liệu', dataIndex: 'noData', width: 130, align: 'right' },
  { title: 'Tổng số chỉ tiêu', dataIndex: 'total', width: 130, align: 'right' },
];

function FiguresCard({ figures: f }: { figures: AnnualReportFigures }) {
  const title = `Số liệu năm ${f.year} (tính đến ngày ${formatDateVi(f.asOf)})`;
  if (f.plans.length === 0) {
    return (
      <Card title={title}>
        <EmptyState
          title="Chưa có kế hoạch nào đang theo dõi"
          hint="Báo cáo lấy chỉ tiêu, nhiệm vụ và chế độ báo cáo từ các kế hoạch. Hãy thêm kế hoạch (hoặc tạo từ mẫu có sẵn) ở trang Kế hoạch."
          action={
            <Link to="/plans">
              <Button>Mở trang Kế hoạch</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  const met = f.targets.filter((t) => t.met === true).length;
  const delivered = f.duties.filter((d) => d.deliveredOn !== null).length;
  const recognised = f.titles.reduce((s, t) => s + t.recognised, 0);
  const certificates = f.titles.reduce((s, t) => s + t.certificates, 0);
  return (
    <Card title={title}>
      <Row gutter={[16, 16]}>
        <Col span={4}>
          <Statistic title="Chỉ tiêu đạt" value={met} suffix={`/ ${f.targets.length}`} />
        </Col>
        <Col span={4}>
          <Statistic title="Xã đạt mọi chỉ tiêu theo xã" value={f.communesMeetingAll} suffix={`/ ${f.communeCount}`} />
        </Col>
        <Col span={4}>
          <Statistic title="Nhiệm vụ hoàn thành" value={f.taskCounts.done} suffix={`/ ${f.taskCounts.total}`} />
        </Col>
        <Col span={4}>
          <Statistic title="Đang thực hiện · quá hạn" value={`${f.taskCounts.in_progress} · ${f.taskCounts.overdue}`} />
        </Col>
        <Col span={4}>
          <Statistic title="Báo cáo đã gửi, nhận" value={delivered} suffix={`/ ${f.duties.length}`} />
        </Col>
        <Col span={4}>
          <Statistic title="Danh hiệu · giấy công nhận" value={`${recognised} · ${certificates}`} />
        </Col>
      </Row>
      {recognised === 0 && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          title={`Năm ${f.year} chưa có quyết định công nhận danh hiệu học tập nào`}
          description="Mục danh hiệu của báo cáo sẽ ghi như vậy. Các quyết định công nhận được lập ở trang “Danh hiệu học tập”, thẻ “Quyết định công nhận”."
        />
      )}
      <Collapse
        style={{ marginTop: 16 }}
        items={[
          {
            key: 'targets',
            label: `Các chỉ tiêu (${f.targets.length})`,
            children:
              f.targets.length === 0 ? (
                <EmptyState title="Các kế hoạch chưa có chỉ tiêu" hint="Thêm chỉ tiêu trong trang của kế hoạch, thẻ “Mục tiêu”." />
              ) : (
                <Table size="small" rowKey={(r) => `${r.planNumber}|${r.section}|${r.code}|${r.text}`} columns={targetColumns} dataSource={f.targets} pagination={false} />
              ),
          },
          {
            key: 'communes',
            label: `Kết quả theo xã, thị trấn (${f.communes.length})`,
            children:
              f.communes.length === 0 ? (
                <EmptyState title="Địa bàn chưa có xã, thị trấn" hint="Thêm các xã, thị trấn ở trang Đơn vị hành chính." />
              ) : (
                <Table size="small" rowKey="name" columns={communeColumns} dataSource={f.communes} pagination={false} />
              ),
          },
        ]}
      />
    </Card>
  );
}

function TemplateCard({ template, saved, values }: { template: AnnualReportTemplate; saved: boolean; values: Record<string, string> }) {
  const [form] = Form.useForm<AnnualReportTemplate>();
  const [error, setError] = useState<string | null>(null);
  const save = useApiMutation('report.saveTemplate', { successMessage: 'Đã lưu lời văn; các năm sau dùng lại lời văn này' });
  useEffect(() => form.setFieldsValue(template), [form, template]);

  const submit = async (input: AnnualReportTemplate) => {
    setError(null);
    try {
      await save.mutateAsync(input);
    } catch (e) {
      const err = e as { message: string; details?: { issues?: { path: (string | number)[]; message: string }[] } };
      setError(err.message);
      form.setFields((err.details?.issues ?? []).map((i) => ({ name: String(i.path[0]) as TemplateField, errors: [i.message] })));
    }
  };

  const rules = (field: TemplateField) => [
    {
      validator: async (_: unknown, value: string | undefined) => {
        const issue = placeholderIssues(field, value ?? '')[0];
        if (issue) throw new Error(issue.message);
      },
    },
  ];

  return (
    <Card
      title="Lời văn của báo cáo"
      extra={<Typography.Text type="secondary">{saved ? 'Lời văn riêng của cơ quan' : 'Lời văn mẫu của XHHT — sửa rồi lưu để dùng cho các năm sau'}</Typography.Text>}
    >
      <Collapse
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'help',
            label: 'Chỗ điền dùng được trong lời văn (viết trong dấu ngoặc nhọn, ví dụ {năm})',
            children: (
              <Table
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={PLACEHOLDERS.map((p) => ({ ...p, value: values[p.name] ?? '' }))}
                columns={[
                  { title: 'Chỗ điền', dataIndex: 'name', width: 230, render: (n: string) => <Typography.Text code>{`{${n}}`}</Typography.Text> },
                  { title: 'Ý nghĩa', dataIndex: 'help' },
                  { title: 'Giá trị năm này', dataIndex: 'value', width: 260 },
                ]}
              />
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={template} onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          {SHORT_FIELDS.map((field) => (
            <Col span={field === 'subject' ? 24 : 12} key={field}>
              <Form.Item name={field} label={TEMPLATE_FIELD_LABELS[field]} extra={HINTS[field]} rules={rules(field)}>
                <Input />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {LONG_FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={TEMPLATE_FIELD_LABELS[field]} extra={HINTS[field]} rules={rules(field)}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
          </Form.Item>
        ))}
        <OfficerOnly>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            Lưu lời văn
          </Button>
        </OfficerOnly>
      </Form>
    </Card>
  );
}
