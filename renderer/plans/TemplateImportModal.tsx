import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Divider, Flex, List, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { AppError } from '../../shared/errors';
import { MAX_TEMPLATE_BYTES, type PlanDto, type TemplateInfo } from '../../shared/plans';
import { apiQuery, useApiMutation } from '../components/api';
import { issuesOf, toAppError } from '../components/errors';
import { QueryView } from '../components/QueryStatus';

/** Starts a plan from a bundled template (the seed plans) or from a template file handed down. */
export function TemplateImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal title="Nhập kế hoạch từ mẫu" open={open} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <TemplateImportBody onClose={onClose} />
    </Modal>
  );
}

function TemplateImportBody({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const templates = useQuery(apiQuery('templates.list', {}));
  const [error, setError] = useState<{ source: string; error: AppError } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const done = (plan: PlanDto) => {
    onClose();
    navigate(`/plans/${plan.id}`);
  };
  // An import may add agencies the plan names.
  const options = { successMessage: (p: PlanDto) => `Đã nhập kế hoạch ${p.number ?? p.title}`, onSuccess: done };
  const bundled = useApiMutation('templates.importBundled', options);
  const fromFile = useApiMutation('templates.importFile', options);

  const run = async (key: string, action: () => Promise<unknown>) => {
    setError(null);
    setBusy(key);
    try {
      await action();
    } catch (caught) {
      setError({ source: key, error: toAppError(caught) });
    } finally {
      setBusy(null);
    }
  };

  const importFile = (file: File) =>
    run('file', async () => {
      if (file.size > MAX_TEMPLATE_BYTES) throw new AppError('VALIDATION', 'Tệp quá lớn (tối đa 5 MB)');
      await fromFile.mutateAsync({ fileName: file.name, content: await file.text() });
    });

  return (
    <>
      <Typography.Paragraph type="secondary">
        Mẫu là kế hoạch đã gõ sẵn cùng mục tiêu, nhiệm vụ, cơ quan chủ trì, phối hợp và thời hạn. Sau khi nhập, bạn sửa lại cho phù hợp với địa phương.
      </Typography.Paragraph>
      {error && error.source !== 'file' && <ImportError error={error.error} />}
      <QueryView query={templates} loadingText="Đang tải danh sách mẫu…">
        {(list) => (
          <List<TemplateInfo>
            bordered
            dataSource={list}
            locale={{ emptyText: 'Không có mẫu nào đi kèm phần mềm. Hãy nhập từ tệp mẫu (.json).' }}
            renderItem={(t) => (
              <List.Item
                actions={[
                  <Button key="import" type="primary" loading={busy === t.name} disabled={busy !== null} aria-label={`Nhập mẫu ${t.title}`} onClick={() => void run(t.name, () => bundled.mutateAsync({ name: t.name }))}>
                    Nhập
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={t.title}
                  description={[t.number && `Số ${t.number}`, t.issuer, `Giai đoạn ${t.period}`, `${t.targets} mục tiêu, ${t.tasks} nhiệm vụ`].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        )}
      </QueryView>
      <Divider plain>hoặc</Divider>
      <FileChooser busy={busy === 'file'} disabled={busy !== null} onFile={(file) => void importFile(file)} />
      {error?.source === 'file' && <ImportError error={error.error} />}
    </>
  );
}

function FileChooser({ busy, disabled, onFile }: { busy: boolean; disabled: boolean; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Flex align="center" gap={12} wrap>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Tệp mẫu kế hoạch (.json)"
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button loading={busy} disabled={disabled} onClick={() => input.current?.click()}>
        Nhập từ tệp mẫu (.json)…
      </Button>
      <Typography.Text type="secondary">Tệp do cấp trên gửi hoặc xuất từ XHHT ở cơ quan khác.</Typography.Text>
    </Flex>
  );
}

/** The refusal, naming the line; each issue's message already names its line and field. */
function ImportError({ error }: { error: AppError }) {
  const issues = issuesOf(error);
  const description =
    issues.length > 1 ? (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {issues.map((issue, i) => (
          <li key={i}>{issue.message}</li>
        ))}
      </ul>
    ) : undefined;
  return <Alert type="error" showIcon role="alert" title={error.message} description={description} style={{ margin: '12px 0' }} />;
}
