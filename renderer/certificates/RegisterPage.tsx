import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CertificateDto } from '../../shared/certificates';
import { formatDateVi, isoDateFromInstant } from '../../shared/dates';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria';
import { apiQuery, useApiMutation } from '../components/api';
import { DateInput, dateRules } from '../components/DateInput';
import { EmptyState } from '../components/EmptyState';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { ExportButton } from '../components/ExportButton';
import { QueryView } from '../components/QueryStatus';

type Acting = { kind: 'reprint' | 'revoke'; certificate: CertificateDto } | null;

/**
 * "Sổ cấp giấy công nhận": one register per year and title, numbers in order,
 * with who reprinted what and why, and revocations. Numbers are given when a
 * certificate is first printed (the printing page) and never reused.
 */
export function RegisterPage() {
  const [filter, setFilter] = useState<{ year?: number; title?: TitleKind }>({});
  const register = useQuery(apiQuery('certificates.list', filter));
  const [acting, setActing] = useState<Acting>(null);
  return (
    <>
      <PageHeader
        title="Sổ cấp giấy công nhận"
        subtitle="Mỗi năm và mỗi danh hiệu một sổ; số vào sổ cấp một lần, không dùng lại kể cả khi giấy bị thu hồi."
        extra={
          <>
            <Link to="/certificates/print">In giấy công nhận</Link>
            <Link to="/certificates/verify">Xác minh giấy công nhận</Link>
            <ExportButton op="certificates.export" input={filter} ariaLabel="Xuất Excel sổ cấp giấy đang xem" />
          </>
        }
      />
      <Card>
        <QueryView query={register} loadingText="Đang tải sổ cấp giấy…">
          {({ certificates, registers }) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Flex gap={12} wrap>
                <Select<number>
                  aria-label="Năm"
                  allowClear
                  placeholder="Mọi năm"
                  style={{ width: 140 }}
                  value={filter.year}
                  onChange={(year) => setFilter((f) => ({ ...f, year }))}
                  options={[...new Set(registers.map((r) => r.year))].map((y) => ({ value: y, label: `Năm ${y}` }))}
                />
                <Select<TitleKind>
                  aria-label="Danh hiệu"
                  allowClear
                  placeholder="Mọi danh hiệu"
                  style={{ width: 280 }}
                  value={filter.title}
                  onChange={(title) => setFilter((f) => ({ ...f, title }))}
                  options={[...new Set(registers.map((r) => r.title))].map((t) => ({ value: t, label: TITLE_LABELS[t] }))}
                />
                <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                  {registers.map((r) => `${TITLE_LABELS[r.title]} ${r.year}: ${r.count} số`).join(' · ')}
                </Typography.Text>
              </Flex>
              <RegisterTable certificates={certificates} onAct={setActing} />
            </Space>
          )}
        </QueryView>
      </Card>
      {acting?.kind === 'reprint' && <ReprintModal certificate={acting.certificate} onClose={() => setActing(null)} />}
      {acting?.kind === 'revoke' && <RevokeModal certificate={acting.certificate} onClose={() => setActing(null)} />}
    </>
  );
}

function RegisterTable({ certificates, onAct }: { certificates: CertificateDto[]; onAct: (acting: Acting) => void }) {
  if (certificates.length === 0) {
    return <EmptyState title="Sổ chưa có giấy nào" hint="Số vào sổ được cấp khi in giấy công nhận lần đầu cho người có tên trong quyết định công nhận." />;
  }
  const columns: TableColumnsType<CertificateDto> = [
    { title: 'Số vào sổ', dataIndex: 'registerNumber', width: 110 },
    {
      title: 'Được công nhận',
      key: 'holder',
      render: (_, c) => (
        <>
          {c.holderName}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {c.communeName}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Quyết định',
      key: 'decision',
      width: 200,
      render: (_, c) => (
        <>
          {c.decisionNumber} ngày {formatDateVi(c.decisionDate)}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {TITLE_LABELS[c.title]} {c.year}
          </Typography.Text>
        </>
      ),
    },
    { title: 'Cấp ngày', dataIndex: 'issuedAt', width: 100, render: (at: string) => formatDateVi(isoDateFromInstant(new Date(at))) },
    {
      title: 'Tình trạng',
      key: 'state',
      width: 140,
      render: (_, c) =>
        c.revokedOn ? (
          <Tag color="red">Thu hồi {formatDateVi(c.revokedOn)}</Tag>
        ) : c.reprintCount > 0 ? (
          <Tag color="blue">Cấp lại {c.reprintCount} lần</Tag>
        ) : (
          <Tag>Đã cấp</Tag>
        ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 165,
      render: (_, c) =>
        c.revokedOn ? null : (
          <Space size={0}>
            <Button size="small" type="link" aria-label={`Ghi cấp lại: ${c.registerNumber}`} onClick={() => onAct({ kind: 'reprint', certificate: c })}>
              Ghi cấp lại
            </Button>
            <Button size="small" type="link" danger aria-label={`Thu hồi: ${c.registerNumber}`} onClick={() => onAct({ kind: 'revoke', certificate: c })}>
              Thu hồi
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <Table<CertificateDto>
      aria-label="Sổ cấp giấy công nhận"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={certificates}
      pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => `${total} giấy` }}
      expandable={{
        rowExpandable: (c) => c.reprintCount > 0 || c.revokedOn !== null,
        expandedRowRender: (c) => <History certificate={c} />,
      }}
    />
  );
}

/** The reprints (who, when, why) and the revocation of one certificate. */
function History({ certificate }: { certificate: CertificateDto }) {
  const reprints = useQuery(apiQuery('certificates.reprints', { id: certificate.id }));
  return (
    <QueryView query={reprints} loadingText="Đang tải lịch sử…">
      {(list) => (
        <ul style={{ margin: 0 }}>
          {list.map((r) => (
            <li key={r.id}>
              Cấp lại ngày {formatDateVi(isoDateFromInstant(new Date(r.at)))}, {r.actor}: {r.reason}
            </li>
          ))}
          {certificate.revokedOn && (
            <li>
              Thu hồi ngày {formatDateVi(certificate.revokedOn)}: {certificate.revokeReason}
            </li>
          )}
        </ul>
      )}
    </QueryView>
  );
}

function ReprintModal({ certificate, onClose }: { certificate: CertificateDto; onClose: () => void }) {
  const reprint = useApiMutation('certificates.logReprint', { successMessage: (c) => `Đã ghi cấp lại giấy số ${c.registerNumber}` });
  return (
    <FormModal<{ reason: string }>
      title={`Ghi cấp lại giấy số ${certificate.registerNumber}`}
      open
      onClose={onClose}
      onSubmit={async (v) => {
        await reprint.mutateAsync({ id: certificate.id, rev: certificate.rev, reason: v.reason ?? '' });
        onClose();
      }}
      submitText="Ghi cấp lại"
    >
      <Typography.Paragraph>
        {certificate.holderName}: bản cấp lại giữ nguyên số {certificate.registerNumber} và ghi “Bản cấp lại” trên giấy. Sổ ghi người, ngày và lý do cấp lại.
      </Typography.Paragraph>
      <Form.Item name="reason" label="Lý do cấp lại" rules={[{ required: true, message: 'Ghi lý do cấp lại' }]}>
        <Input placeholder="Bị mất, hư hỏng…" />
      </Form.Item>
    </FormModal>
  );
}

function RevokeModal({ certificate, onClose }: { certificate: CertificateDto; onClose: () => void }) {
  const revoke = useApiMutation('certificates.revoke', { successMessage: (c) => `Đã thu hồi giấy số ${c.registerNumber}` });
  return (
    <FormModal<{ reason: string; date: Dayjs | null }>
      title={`Thu hồi giấy số ${certificate.registerNumber}`}
      open
      onClose={onClose}
      initialValues={{ date: dayjs() }}
      onSubmit={async (v) => {
        await revoke.mutateAsync({ id: certificate.id, rev: certificate.rev, reason: v.reason ?? '', date: v.date?.format('YYYY-MM-DD') ?? '' });
        onClose();
      }}
      submitText="Thu hồi"
    >
      <Typography.Paragraph>
        {certificate.holderName}: giấy bị thu hồi sẽ được báo “Đã thu hồi” khi xác minh; số {certificate.registerNumber} không cấp lại cho ai khác.
      </Typography.Paragraph>
      <Form.Item name="reason" label="Lý do thu hồi" rules={[{ required: true, message: 'Ghi lý do thu hồi' }]}>
        <Input placeholder="Cấp nhầm, quyết định bị hủy…" />
      </Form.Item>
      <Form.Item name="date" label="Ngày thu hồi" rules={dateRules('Nhập ngày thu hồi')}>
        <DateInput aria-label="Ngày thu hồi" />
      </Form.Item>
    </FormModal>
  );
}
