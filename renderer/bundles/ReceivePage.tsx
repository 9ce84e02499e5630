import { Alert, Button, Card, Checkbox, Descriptions, Flex, Progress, Steps, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { BUNDLE_EXTENSION, BUNDLE_KIND_LABELS, type BundleSender, type BundleSource, type ConflictRow, type ImportReport, type Resolution, type VerifyReport } from '../../shared/bundles';
import { formatDateVi } from '../../shared/dates';
import { formatBytes } from '../../shared/evidence';
import { useCan } from '../accounts/session';
import { announceChanges } from '../api/client';
import { callOrThrowAppError } from '../components/api';
import { PageHeader } from '../components/PageHeader';
import { toAppError } from '../components/errors';
import { UploadCancelled, uploadFile } from '../evidence/evidence-transport';
import { dateTimeVi } from './format';
import { ConflictsTable, conflictKey, OutcomeTable, RejectionsTable } from './ImportTables';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

type Step =
  | { step: 'pick' }
  | { step: 'uploading'; loaded: number; total: number }
  | { step: 'verifying' }
  | { step: 'verified'; verify: VerifyReport }
  | { step: 'dryRunning'; verify: VerifyReport }
  | { step: 'previewed'; verify: VerifyReport; preview: ImportReport }
  | { step: 'applying'; verify: VerifyReport; preview: ImportReport }
  | { step: 'applied'; verify: VerifyReport; result: ImportReport };

const STEP_INDEX: Record<Step['step'], number> = { pick: 0, uploading: 0, verifying: 1, verified: 1, dryRunning: 2, previewed: 2, applying: 3, applied: 3 };

/** The trust check is the one a first bundle from a new sender fails; every other failed check means a bad bundle. */
const isTrustCheck = (name: string) => /tin cậy/i.test(name);
const problemsBesidesTrust = (v: VerifyReport) => v.checks.filter((c) => !c.ok && !isTrustCheck(c.name));
const needsTrust = (v: VerifyReport) => v.sender !== null && !v.sender.trusted && problemsBesidesTrust(v).length === 0;
/** A refusal is written to the log of bundles received by the job itself: the list, if open or cached, refreshes. */
const announceRefusal = () => announceChanges(['bundlesReceived']);
const LOGGED_NOTE = 'Việc từ chối đã được ghi vào danh sách các gói đã nhận.';

/**
 * Nhận dữ liệu: choose the .xhht file another office sent, see it verified
 * (structure, hashes, signature, sender), trust a new sender after comparing
 * its fingerprint, see what importing would change (a dry run that writes
 * nothing), settle conflicts, then import it in one transaction.
 */
export function ReceivePage() {
  const [state, setState] = useState<Step>({ step: 'pick' });
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const source = useRef<BundleSource | null>(null);
  const upload = useRef<AbortController | null>(null);
  /** The verification the officer answers when a new sender asks to be trusted. */
  const verifyJob = useRef<string | null>(null);
  const job = useJob();

  const reset = () => {
    upload.current?.abort();
    source.current = null;
    setFileName(null);
    setError(null);
    setNotice(null);
    setState({ step: 'pick' });
  };

  const pick = async (file: File) => {
    reset();
    setFileName(file.name);
    const controller = new AbortController();
    upload.current = controller;
    setState({ step: 'uploading', loaded: 0, total: file.size });
    try {
      const staged = await uploadFile(file, (loaded) => setState({ step: 'uploading', loaded, total: file.size }), controller.signal, 'bundle');
      source.current = { stagedId: staged.stagedId };
    } catch (e) {
      if (e instanceof UploadCancelled) {
        setState({ step: 'pick' });
        setNotice('Đã hủy chọn tệp.');
      } else {
        setState({ step: 'pick' });
        setError(toAppError(e).message);
      }
      return;
    } finally {
      upload.current = null;
    }
    await verify();
  };

  const verify = async () => {
    const src = source.current;
    if (!src) return;
    setError(null);
    setState({ step: 'verifying' });
    const outcome = await job.run({
      start: async () => {
        const started = await callOrThrowAppError('bundles.verifyStart', { source: src });
        verifyJob.current = started.jobId;
        return started;
      },
      status: (jobId) => callOrThrowAppError('bundles.verifyStatus', { jobId }),
      cancel: (jobId) => callOrThrowAppError('bundles.verifyCancel', { jobId }),
    });
    if (!outcome.ok) {
      setState({ step: 'pick' });
      if (outcome.cancelled) setNotice('Đã hủy kiểm tra.');
      else setError(outcome.message);
      return;
    }
    const report = outcome.result;
    if (!report.valid && !needsTrust(report)) announceRefusal();
    setState({ step: 'verified', verify: report });
    if (report.valid && report.sender?.trusted) await dryRun(report);
  };

  /** "Không nhận" a new sender: the bundle is logged as refused, then the page starts over. */
  const decline = async () => {
    const jobId = verifyJob.current;
    try {
      if (jobId) await callOrThrowAppError('bundles.declineSender', { jobId });
      announceRefusal();
      reset();
      setNotice(`Đã không nhận gói; việc từ chối đã được ghi vào danh sách các gói đã nhận.`);
    } catch (e) {
      setError(toAppError(e).message);
    }
  };

  const dryRun = async (v: VerifyReport) => {
    const src = source.current;
    if (!src) return;
    setError(null);
    setState({ step: 'dryRunning', verify: v });
    const outcome = await job.run({
      start: () => callOrThrowAppError('bundles.dryRunStart', { source: src }),
      status: (jobId) => callOrThrowAppError('bundles.dryRunStatus', { jobId }),
      cancel: (jobId) => callOrThrowAppError('bundles.dryRunCancel', { jobId }),
    });
    if (!outcome.ok) {
      setState({ step: 'verified', verify: v });
      if (outcome.cancelled) setNotice('Đã hủy xem trước; chưa có gì được ghi.');
      else {
        announceRefusal();
        setError(outcome.message);
      }
      return;
    }
    if (outcome.result.rejectionCount > 0) announceRefusal();
    setState({ step: 'previewed', verify: v, preview: outcome.result });
  };

  const apply = async (v: VerifyReport, preview: ImportReport, resolutions: { all: Resolution | null; rows: { entity: string; id: string; take: Resolution }[] }, force: boolean) => {
    const src = source.current;
    if (!src) return;
    setError(null);
    setState({ step: 'applying', verify: v, preview });
    const outcome = await job.run({
      start: () => callOrThrowAppError('bundles.applyStart', { source: src, resolutions, force }),
      status: (jobId) => callOrThrowAppError('bundles.applyStatus', { jobId }),
      cancel: (jobId) => callOrThrowAppError('bundles.applyCancel', { jobId }),
    });
    if (!outcome.ok) {
      setState({ step: 'previewed', verify: v, preview });
      if (outcome.cancelled) setNotice('Đã hủy nhập; dữ liệu không thay đổi.');
      else {
        announceRefusal();
        setError(outcome.message);
      }
      return;
    }
    // The job wrote in its own transaction, outside any op's answer: every page showing these records refreshes.
    announceChanges([...outcome.result.entities.map((e) => e.entity), 'bundlesReceived']);
    setState({ step: 'applied', verify: v, result: outcome.result });
  };

  const s = state;
  const verified = 'verify' in s ? s.verify : null;
  return (
    <>
      <PageHeader
        title="Nhận dữ liệu"
        subtitle={`Nhập tệp ${BUNDLE_EXTENSION} do đơn vị khác gửi. Tệp được kiểm tra chữ ký và xem trước; chỉ khi bấm “Nhập dữ liệu” mới ghi vào máy này.`}
        extra={<Link to="/bundles">Các gói đã nhận</Link>}
      />
      <Steps
        size="small"
        current={STEP_INDEX[s.step]}
        style={{ marginBottom: 16, maxWidth: 900 }}
        items={[{ title: 'Chọn tệp' }, { title: 'Kiểm tra tệp' }, { title: 'Xem trước' }, { title: 'Nhập' }]}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex align="center" gap={16} wrap>
            <Upload
              accept={`${BUNDLE_EXTENSION},.zip`}
              maxCount={1}
              showUploadList={false}
              disabled={job.running || s.step === 'uploading' || s.step === 'applying'}
              beforeUpload={(file) => {
                void pick(file);
                return false;
              }}
            >
              <Button type={s.step === 'pick' ? 'primary' : 'default'} disabled={job.running || s.step === 'uploading' || s.step === 'applying'} autoFocus>
                {fileName ? 'Chọn tệp khác…' : `Chọn tệp ${BUNDLE_EXTENSION}…`}
              </Button>
            </Upload>
            {fileName ? <Typography.Text strong>{fileName}</Typography.Text> : <Typography.Text type="secondary">Tệp đơn vị gửi qua USB hoặc thư điện tử, đuôi {BUNDLE_EXTENSION}.</Typography.Text>}
          </Flex>
          {s.step === 'uploading' && (
            <Flex align="center" gap={16} style={{ marginTop: 12 }} role="status">
              <Typography.Text>Đang đọc tệp</Typography.Text>
              <Progress percent={s.total > 0 ? Math.floor((s.loaded / s.total) * 100) : 0} aria-label="Tiến độ đọc tệp" style={{ flex: 1, margin: 0 }} />
              <Button onClick={() => upload.current?.abort()}>Hủy</Button>
            </Flex>
          )}
        </Card>
        {error && <Alert type="error" showIcon role="alert" title="Không thực hiện được" description={error} closable={{ onClose: () => setError(null) }} />}
        {notice && <Alert type="info" showIcon title={notice} closable={{ onClose: () => setNotice(null) }} />}
        {s.step === 'verifying' && <JobProgress title="Đang kiểm tra tệp" status={job.status} onCancel={job.cancel} />}
        {verified && <VerifyCard report={verified} />}
        {s.step === 'verified' && needsTrust(s.verify) && s.verify.sender && (
          <TrustCard
            sender={s.verify.sender}
            onTrusted={() => {
              // Trusted now: the only failed check passes, so the report reads as it would for a known sender.
              const v: VerifyReport = {
                ...s.verify,
                valid: true,
                problem: null,
                sender: { ...s.verify.sender!, trusted: true },
                checks: s.verify.checks.map((c) => (isTrustCheck(c.name) ? { ...c, ok: true, message: 'Đã tin cậy sau khi đối chiếu dấu vân tay' } : c)),
              };
              void dryRun(v);
            }}
            onRefuse={() => void decline()}
          />
        )}
        {s.step === 'verified' && !s.verify.valid && !needsTrust(s.verify) && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title="Không nhận gói này"
            description={
              <>
                {s.verify.problem ?? 'Tệp không hợp lệ.'} Hãy báo cho đơn vị gửi để họ tạo và gửi lại tệp. {LOGGED_NOTE}{' '}
                {/* The theme's link colour falls short of AA on the error alert's pink: the text's own colour, underlined. */}
                <Link to="/bundles" style={{ color: 'inherit', textDecoration: 'underline' }}>
                  Xem danh sách
                </Link>
              </>
            }
          />
        )}
        {s.step === 'dryRunning' && <JobProgress title="Đang xem trước (chưa ghi gì)" status={job.status} onCancel={job.cancel} />}
        {(s.step === 'previewed' || s.step === 'applying') && (
          <PreviewCard key={s.preview.bundleId} preview={s.preview} applying={s.step === 'applying'} onApply={(resolutions, force) => void apply(s.verify, s.preview, resolutions, force)} onCancel={reset} />
        )}
        {s.step === 'applying' && <JobProgress title="Đang nhập dữ liệu" status={job.status} onCancel={job.cancel} />}
        {s.step === 'applied' && <AppliedCard result={s.result} onAnother={reset} />}
      </Flex>
    </>
  );
}

/** Outlined in the theme's text-strength colours: antd's filled status tags fall short of WCAG AA contrast. */
const CHECK_TAGS = {
  ok: { text: 'Đạt', color: '#2f7a12' },
  pending: { text: 'Chưa', color: '#8a5300' },
  failed: { text: 'Không đạt', color: '#c8102e' },
} as const;
function CheckTag({ outcome }: { outcome: keyof typeof CHECK_TAGS }) {
  const { text, color } = CHECK_TAGS[outcome];
  return <Tag style={{ minWidth: 72, textAlign: 'center', color, borderColor: color, background: '#fff' }}>{text}</Tag>;
}

function VerifyCard({ report }: { report: VerifyReport }) {
  const h = report.header;
  const sender = report.sender;
  const records = h ? Object.values(h.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <Card size="small" title={report.valid ? 'Kết quả kiểm tra: tệp hợp lệ' : needsTrust(report) ? 'Kết quả kiểm tra: tệp nguyên vẹn, người gửi chưa được tin cậy' : 'Kết quả kiểm tra: tệp không hợp lệ'}>
      <Flex gap={24} wrap align="flex-start">
        <ul aria-label="Các mục kiểm tra" style={{ listStyle: 'none', padding: 0, margin: 0, flex: '1 1 340px' }}>
          {report.checks.map((c) => (
            <li key={c.name} style={{ display: 'flex', gap: 8, alignItems: 'baseline', marginBottom: 6 }}>
              <CheckTag outcome={c.ok ? 'ok' : isTrustCheck(c.name) && needsTrust(report) ? 'pending' : 'failed'} />
              <span>
                {c.name}
                {c.message && <Typography.Text type="secondary"> — {c.message}</Typography.Text>}
              </span>
            </li>
          ))}
        </ul>
        {(sender || h) && (
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ flex: '1 1 460px' }}
            items={[
              ...(sender
                ? [
                    { key: 'sender', label: 'Đơn vị gửi', children: `${sender.officeName} (mã ${sender.officeCode})` },
                    { key: 'fp', label: 'Dấu vân tay khóa', children: <Typography.Text code>{sender.fingerprint}</Typography.Text> },
                  ]
                : []),
              ...(h
                ? [
                    { key: 'kind', label: 'Loại', children: BUNDLE_KIND_LABELS[h.kind] },
                    { key: 'period', label: 'Năm', children: h.period ?? 'Tất cả các năm' },
                    { key: 'date', label: 'Ngày đóng gói', children: formatDateVi(h.baggingDate) },
                    { key: 'content', label: 'Nội dung', children: `${records.toLocaleString('vi-VN')} bản ghi, ${h.files.count.toLocaleString('vi-VN')} tệp minh chứng (${formatBytes(h.files.bytes)})${h.personalData ? ', có dữ liệu cá nhân' : ''}` },
                    { key: 'id', label: 'Mã gói', children: <Typography.Text code>{h.bundleId}</Typography.Text> },
                  ]
                : []),
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

/** The first bundle from a sender: its key goes on the trust list only after the officer compared the fingerprint with the sender. */
function TrustCard({ sender, onTrusted, onRefuse }: { sender: BundleSender; onTrusted: () => void; onRefuse: () => void }) {
  const isAdmin = useCan('admin');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trust = async () => {
    setBusy(true);
    setError(null);
    try {
      await callOrThrowAppError('bundles.trustSender', { publicKey: sender.publicKey, fingerprint: sender.fingerprint, officeName: sender.officeName, officeCode: sender.officeCode });
      onTrusted();
    } catch (e) {
      setError(toAppError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={`Lần đầu nhận dữ liệu từ ${sender.officeName}`} style={{ borderColor: '#faad14' }}>
      <Typography.Paragraph>
        Máy này chưa biết khóa của <strong>{sender.officeName}</strong> (mã {sender.officeCode}). Gọi điện cho đơn vị gửi, nhờ họ đọc dấu vân tay ở trang “Giấy công nhận → Xác minh”, mục “Khóa của đơn vị này”, rồi so với dãy dưới đây. Chỉ tin cậy khi hai dãy trùng khớp hoàn toàn.
      </Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code style={{ fontSize: 18, letterSpacing: 1 }} aria-label="Dấu vân tay của người gửi">
          {sender.fingerprint}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">Sau khi tin cậy, khóa này cũng dùng để xác minh giấy công nhận do đơn vị đó cấp.</Typography.Paragraph>
      {!isAdmin && <Alert type="info" showIcon title="Chỉ quản trị viên mới thêm được đơn vị tin cậy. Nhờ quản trị viên mở lại tệp này." style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Flex gap={8}>
        <Button type="primary" onClick={() => void trust()} loading={busy} disabled={!isAdmin} autoFocus={isAdmin}>
          Dấu vân tay trùng khớp, tin cậy đơn vị này
        </Button>
        <Button onClick={onRefuse}>Không nhận</Button>
      </Flex>
    </Card>
  );
}

type Resolutions = { all: Resolution | null; rows: { entity: string; id: string; take: Resolution }[] };

function PreviewCard({ preview, applying, onApply, onCancel }: { preview: ImportReport; applying: boolean; onApply: (r: Resolutions, force: boolean) => void; onCancel: () => void }) {
  const [all, setAll] = useState<Resolution | null>(null);
  const [rows, setRows] = useState<Map<string, Resolution>>(new Map());
  const [force, setForce] = useState(false);
  const choice = (c: ConflictRow) => rows.get(conflictKey(c)) ?? all;
  const choose = (c: ConflictRow, r: Resolution) => setRows((m) => new Map(m).set(conflictKey(c), r));
  const chooseAll = (r: Resolution) => {
    setAll(r);
    setRows(new Map());
  };
  const unresolved = all === null ? preview.conflictCount - preview.conflicts.filter((c) => rows.has(conflictKey(c))).length : 0;
  const rejected = preview.rejectionCount > 0;
  const changes = preview.entities.reduce((s, e) => s + e.created + e.updated, 0);
  const blocked = rejected || unresolved > 0 || (preview.appliedBefore !== null && !force);
  const resolutions = (): Resolutions => ({ all, rows: preview.conflicts.filter((c) => rows.has(conflictKey(c))).map((c) => ({ entity: c.entity, id: c.id, take: rows.get(conflictKey(c))! })) });
  return (
    <Card size="small" title={`Xem trước: gói của ${preview.sender.officeName}${preview.period ? `, năm ${preview.period}` : ''} (chưa ghi gì)`}>
      <Flex vertical gap={16}>
        <OutcomeTable entities={preview.entities} label="Kết quả xem trước theo loại bản ghi" />
        {preview.newFiles.count > 0 && (
          <Typography.Text>
            Tệp minh chứng mới: {preview.newFiles.count.toLocaleString('vi-VN')} ({formatBytes(preview.newFiles.bytes)}).
          </Typography.Text>
        )}
        {preview.appliedBefore !== null && (
          <Alert
            type="warning"
            showIcon
            title={`Gói này đã được nhập lúc ${dateTimeVi(preview.appliedBefore)}.`}
            description={
              <Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} disabled={applying}>
                Tôi vẫn muốn nhập lại gói này
              </Checkbox>
            }
          />
        )}
        {rejected && (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              title={`${preview.rejectionCount.toLocaleString('vi-VN')} bản ghi bị từ chối, nên chưa nhập được gói này`}
              description={`Gửi danh sách dưới đây cho đơn vị gửi để họ sửa rồi gửi lại tệp. ${LOGGED_NOTE}`}
            />
            <RejectionsTable rejections={preview.rejections} total={preview.rejectionCount} />
          </>
        )}
        {preview.conflictCount > 0 && (
          <Flex vertical gap={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {preview.conflictCount.toLocaleString('vi-VN')} bản ghi đã được sửa ở cả hai nơi từ lần trao đổi trước
            </Typography.Title>
            <Typography.Text type="secondary">Chọn bản giữ lại cho từng dòng, hoặc cho tất cả. Không chọn thì không nhập được; không có gì bị ghi đè mà không hỏi.</Typography.Text>
            <Flex gap={8} wrap>
              <Button onClick={() => chooseAll('mine')} disabled={applying} type={all === 'mine' ? 'primary' : 'default'}>
                Giữ tất cả bản của mình
              </Button>
              <Button onClick={() => chooseAll('theirs')} disabled={applying} type={all === 'theirs' ? 'primary' : 'default'}>
                Lấy tất cả bản nhận được
              </Button>
            </Flex>
            <ConflictsTable conflicts={preview.conflicts} choice={choice} onChoose={choose} disabled={applying} />
            {preview.conflictCount > preview.conflicts.length && all === null && (
              <Typography.Text type="warning">
                Chỉ hiện {preview.conflicts.length.toLocaleString('vi-VN')} xung đột đầu; chọn “cho tất cả” để quyết định {(preview.conflictCount - preview.conflicts.length).toLocaleString('vi-VN')} xung đột còn lại.
              </Typography.Text>
            )}
          </Flex>
        )}
        {!applying && (
          <Flex gap={8} align="center" wrap>
            <Button type="primary" disabled={blocked} onClick={() => onApply(resolutions(), force)}>
              Nhập dữ liệu
            </Button>
            <Button onClick={onCancel}>Không nhập</Button>
            {!rejected && unresolved > 0 && <Typography.Text type="warning">Còn {unresolved.toLocaleString('vi-VN')} xung đột chưa chọn.</Typography.Text>}
            {!rejected && unresolved === 0 && changes === 0 && preview.conflictCount === 0 && <Typography.Text type="secondary">Gói không làm thay đổi dữ liệu nào ở máy này.</Typography.Text>}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

function AppliedCard({ result, onAnother }: { result: ImportReport; onAnother: () => void }) {
  const navigate = useNavigate();
  return (
    <Card size="small" title="Đã nhập dữ liệu">
      <Flex vertical gap={12}>
        <Alert type="success" showIcon role="status" title={`Đã nhập gói của ${result.sender.officeName}${result.appliedAt ? ` lúc ${dateTimeVi(result.appliedAt)}` : ''}.`} description="Dữ liệu nhận được hiện dưới tên đơn vị gửi; mỗi thay đổi có trong Nhật ký thay đổi." />
        <OutcomeTable entities={result.entities} label="Kết quả nhập theo loại bản ghi" />
        <Flex gap={8}>
          <Button type="primary" autoFocus onClick={() => navigate('/bundles')}>
            Xem các gói đã nhận
          </Button>
          <Button onClick={onAnother}>Nhận tệp khác</Button>
        </Flex>
      </Flex>
    </Card>
  );
}
