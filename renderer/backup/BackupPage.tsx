import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Progress, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH, type BackupFile, type BackupJobStatus, type BackupOverview, type RestoreJobStatus } from '../../shared/backup';
import { formatDateVi } from '../../shared/dates';
import { formatBytes } from '../../shared/evidence';
import { JOB_PHASE_LABELS } from '../../shared/jobs';
import { apiQuery, callOrThrowAppError, useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { toAppError } from '../components/errors';

/** How often a running backup is asked for progress; it runs in a worker, so asking costs next to nothing. */
const POLL_MS = 300;

const pad = (n: number) => String(n).padStart(2, '0');
/** dd/mm/yyyy hh:mm in the PC's local time. */
const dateTime = (iso: string) => {
  const d = new Date(iso);
  return `${formatDateVi(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

type Running = { kind: 'backup'; status: BackupJobStatus | null } | { kind: 'restore'; status: RestoreJobStatus | null };

/**
 * Backups of this office's data: where they go (a USB disk), a daily one with
 * rotation, one now with an optional passphrase, and restoring one.
 */
export function BackupPage() {
  const overview = useQuery(apiQuery('backup.overview', {}));
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const job = useRef<{ jobId: string; kind: 'backup' | 'restore'; stopped: boolean } | null>(null);
  useEffect(() => () => {
    if (job.current) job.current.stopped = true;
  }, []);

  const follow = async (kind: 'backup' | 'restore', jobId: string) => {
    const me = { jobId, kind, stopped: false };
    job.current = me;
    const statusOp = kind === 'backup' ? 'backup.status' : 'backup.restoreStatus';
    for (;;) {
      const status = await callOrThrowAppError(statusOp, { jobId });
      if (me.stopped) return;
      setRunning(kind === 'backup' ? { kind, status: status as BackupJobStatus } : { kind, status: status as RestoreJobStatus });
      if (status.phase === 'done' || status.phase === 'failed' || status.phase === 'cancelled') {
        job.current = null;
        setRunning(null);
        if (status.phase === 'failed') setError(status.message ?? 'Không thực hiện được.');
        if (status.phase === 'cancelled') setNotice(kind === 'backup' ? 'Đã hủy sao lưu; không có tệp nào được tạo.' : 'Đã hủy khôi phục; dữ liệu không bị thay đổi.');
        if (status.phase === 'done') setNotice(doneNotice(status as BackupJobStatus | RestoreJobStatus, kind));
        void overview.refetch();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const start = async (passphrase: string | null) => {
    setError(null);
    setNotice(null);
    try {
      setRunning({ kind: 'backup', status: null });
      const { jobId } = await callOrThrowAppError('backup.start', { passphrase });
      await follow('backup', jobId);
    } catch (e) {
      setRunning(null);
      setError(toAppError(e).message);
    }
  };

  const restore = async (file: BackupFile, passphrase: string | null) => {
    setRestoring(null);
    setError(null);
    setNotice(null);
    try {
      setRunning({ kind: 'restore', status: null });
      const { jobId } = await callOrThrowAppError('backup.restore', { name: file.name, passphrase });
      await follow('restore', jobId);
    } catch (e) {
      setRunning(null);
      setError(toAppError(e).message);
    }
  };

  const cancel = () => {
    const current = job.current;
    if (!current) return;
    void callOrThrowAppError(current.kind === 'backup' ? 'backup.cancel' : 'backup.restoreCancel', { jobId: current.jobId }).catch(() => undefined);
  };

  return (
    <>
      <PageHeader title="Sao lưu và khôi phục" subtitle="Một tệp chứa cơ sở dữ liệu, các tệp minh chứng và khóa của cơ quan; được đọc lại và kiểm tra sau khi ghi." />
      <QueryView query={overview}>
        {(data) => (
          <Flex vertical gap={16}>
            <LastBackup data={data} />
            {error && <Alert type="error" showIcon title="Không thực hiện được" description={error} closable={{ onClose: () => setError(null) }} />}
            {notice && <Alert type="success" showIcon title={notice} closable={{ onClose: () => setNotice(null) }} />}
            {running && <JobProgress running={running} onCancel={cancel} />}
            <SettingsCard data={data} />
            <BackupNowCard disabled={running !== null || data.folder === null} onStart={(p) => void start(p)} />
            <BackupsCard data={data} disabled={running !== null} onRestore={setRestoring} />
          </Flex>
        )}
      </QueryView>
      <RestoreModal file={restoring} onCancel={() => setRestoring(null)} onConfirm={(file, passphrase) => void restore(file, passphrase)} />
    </>
  );
}

function doneNotice(status: BackupJobStatus | RestoreJobStatus, kind: 'backup' | 'restore'): string {
  const result = status.result;
  if (kind === 'restore' && result && 'restoredTo' in result) {
    return `Đã khôi phục bản sao lưu của ${result.officeName} (${dateTime(result.createdAt)}) vào ${result.restoredTo}. Đóng và mở lại XHHT để dùng dữ liệu này; dữ liệu hiện tại sẽ được giữ lại bên cạnh.`;
  }
  if (result && 'file' in result) {
    const removed = result.removedByRotation.length > 0 ? `; đã xóa ${result.removedByRotation.length} bản cũ theo lịch giữ` : '';
    return `Đã sao lưu ${result.entries} mục (${formatBytes(result.size)}) vào ${result.file} và kiểm tra lại${removed}.`;
  }
  return 'Đã xong.';
}

function LastBackup({ data }: { data: BackupOverview }) {
  if (data.lastError) return <Alert type="error" showIcon title="Lần sao lưu gần nhất không thành công" description={data.lastError} />;
  if (!data.lastGoodAt) return <Alert type="warning" showIcon title="Chưa có bản sao lưu nào" description="Chọn thư mục (nên là ổ USB hoặc ổ mạng) rồi bấm “Sao lưu ngay”." />;
  const when = dateTime(data.lastGoodAt);
  return data.stale ? (
    <Alert type="warning" showIcon title={`Bản sao lưu tốt gần nhất đã cũ hơn một tuần (${when})`} description="Hãy sao lưu ngay, hoặc bật sao lưu tự động hằng ngày." />
  ) : (
    <Alert type="info" showIcon title={`Bản sao lưu tốt gần nhất: ${when}`} description={data.lastGoodFile} />
  );
}

function JobProgress({ running, onCancel }: { running: Running; onCancel: () => void }) {
  const status = running.status;
  const percent = status?.total ? Math.min(100, Math.floor((status.done / status.total) * 100)) : 0;
  const label = running.kind === 'backup' ? 'Đang sao lưu' : 'Đang khôi phục';
  return (
    <Card size="small" title={label}>
      <Flex align="center" gap={16}>
        <Typography.Text style={{ minWidth: 200 }}>{status ? JOB_PHASE_LABELS[status.phase] : 'Đang chuẩn bị'}</Typography.Text>
        <Progress percent={percent} status="active" aria-label={`Tiến độ: ${label.toLowerCase()}`} style={{ flex: 1, margin: 0 }} />
        <Button onClick={onCancel}>Hủy</Button>
      </Flex>
    </Card>
  );
}

function SettingsCard({ data }: { data: BackupOverview }) {
  const [form] = Form.useForm<{ folder: string; daily: boolean }>();
  const queryClient = useQueryClient();
  // Settings live in a file beside the database, not in a table the freshness map could name: the answer is the new overview.
  const save = useApiMutation('backup.saveSettings', { successMessage: 'Đã lưu cài đặt sao lưu', onSuccess: (output) => queryClient.setQueryData(['backup.overview', {}], output) });
  return (
    <Card title="Nơi lưu và lịch sao lưu">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ folder: data.folder ?? '', daily: data.daily }}
        onFinish={(values) => save.mutate({ folder: values.folder.trim() === '' ? null : values.folder.trim(), daily: values.daily })}
      >
        {save.error && <Alert type="error" showIcon role="alert" title={save.error.message} style={{ marginBottom: 16 }} />}
        <Form.Item label="Thư mục sao lưu (đường dẫn đầy đủ)" name="folder" extra="Ví dụ E:\SaoLuuXHHT trên ổ USB. Nên để ngoài ổ đĩa của máy này.">
          <Input placeholder="E:\SaoLuuXHHT" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Sao lưu tự động mỗi ngày"
          name="daily"
          valuePropName="checked"
          extra="Khi XHHT đang mở, mỗi ngày một bản; giữ 7 bản hằng ngày, 4 bản hằng tuần và 12 bản hằng tháng. Bản tự động không đặt mật khẩu và có khóa của cơ quan: hãy cất ổ đĩa ở nơi an toàn."
        >
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu cài đặt
        </Button>
      </Form>
    </Card>
  );
}

function BackupNowCard({ disabled, onStart }: { disabled: boolean; onStart: (passphrase: string | null) => void }) {
  const [form] = Form.useForm<{ passphrase: string; repeat: string }>();
  return (
    <Card title="Sao lưu ngay">
      <Form
        form={form}
        layout="inline"
        onFinish={(values) => {
          onStart(values.passphrase ? values.passphrase : null);
          form.resetFields();
        }}
      >
        <Form.Item
          label="Mật khẩu (không bắt buộc)"
          name="passphrase"
          rules={[{ min: MIN_PASSPHRASE_LENGTH, message: `Ít nhất ${MIN_PASSPHRASE_LENGTH} ký tự` }]}
        >
          <Input.Password autoComplete="new-password" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          label="Nhập lại"
          name="repeat"
          dependencies={['passphrase']}
          rules={[({ getFieldValue }) => ({ validator: (_r, v) => (v === getFieldValue('passphrase') || (!v && !getFieldValue('passphrase')) ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu chưa giống nhau'))) })]}
        >
          <Input.Password autoComplete="new-password" style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={disabled}>
          Sao lưu ngay
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        Có mật khẩu thì tệp được mã hóa; quên mật khẩu là không khôi phục được. Sao lưu chạy được khi mọi người vẫn đang làm việc.
      </Typography.Paragraph>
    </Card>
  );
}

function BackupsCard({ data, disabled, onRestore }: { data: BackupOverview; disabled: boolean; onRestore: (file: BackupFile) => void }) {
  return (
    <Card title="Các bản sao lưu trong thư mục">
      {data.backups.length === 0 ? (
        <EmptyState title="Chưa có bản sao lưu nào trong thư mục" hint={data.folder ? `Thư mục: ${data.folder}` : 'Hãy chọn thư mục sao lưu ở trên.'} />
      ) : (
        <Table<BackupFile>
          rowKey="name"
          size="small"
          pagination={false}
          dataSource={data.backups}
          aria-label="Các bản sao lưu"
          columns={[
            { title: 'Thời điểm', key: 'at', render: (_v, b) => (b.takenAt ? dateTime(b.takenAt) : '') },
            { title: 'Tệp', dataIndex: 'name' },
            { title: 'Dung lượng', key: 'size', align: 'right', render: (_v, b) => formatBytes(b.size) },
            { title: 'Mã hóa', key: 'enc', render: (_v, b) => (b.encrypted ? <Tag color="blue">Có mật khẩu</Tag> : <Tag>Không</Tag>) },
            {
              title: 'Thao tác',
              key: 'actions',
              render: (_v, b) => (
                <Button size="small" disabled={disabled} onClick={() => onRestore(b)}>
                  Khôi phục…
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function RestoreModal({ file, onCancel, onConfirm }: { file: BackupFile | null; onCancel: () => void; onConfirm: (file: BackupFile, passphrase: string | null) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const { modal } = App.useApp();
  useEffect(() => setPassphrase(''), [file]);
  if (!file) return null;
  const needsPassphrase = file.encrypted;
  return (
    <Modal
      open
      title={`Khôi phục bản sao lưu ${file.takenAt ? dateTime(file.takenAt) : file.name}`}
      okText="Khôi phục"
      cancelText="Đóng"
      okButtonProps={{ disabled: needsPassphrase && passphrase === '' }}
      onCancel={onCancel}
      onOk={() =>
        modal.confirm({
          title: 'Khôi phục bản sao lưu này?',
          content: 'Bản sao lưu được kiểm tra rồi đặt vào một thư mục mới. Khi mở lại XHHT, ứng dụng chuyển sang dữ liệu đó; dữ liệu hiện tại được giữ nguyên trong một thư mục bên cạnh.',
          okText: 'Khôi phục',
          cancelText: 'Không',
          onOk: () => onConfirm(file, needsPassphrase ? passphrase : null),
        })
      }
    >
      {needsPassphrase ? (
        <Form layout="vertical">
          <Form.Item label="Mật khẩu của bản sao lưu" required htmlFor="restore-passphrase">
            <Input.Password id="restore-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoFocus autoComplete="off" />
          </Form.Item>
        </Form>
      ) : (
        <Typography.Paragraph>Bản sao lưu này không có mật khẩu.</Typography.Paragraph>
      )}
    </Modal>
  );
}
