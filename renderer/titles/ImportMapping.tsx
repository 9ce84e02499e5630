import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { applyPreset, type ImportKind, type ListImportResult, type Mapping } from '../../shared/titles-import';
import { apiQuery, useApiMutation } from '../components/api';

/**
 * The mapping step: one picker per field showing the sheet header it is read
 * from ("Họ và tên ← Họ tên") or that the sheet lacks it; a preset (the
 * national CDHT form, XHHT's template, or one the office saved) fills them all.
 */
export function ImportMapping({ kind, sheet, mapping, onChange, disabled }: { kind: ImportKind; sheet: ListImportResult; mapping: Mapping; onChange: (m: Mapping) => void; disabled: boolean }) {
  const presets = useQuery(apiQuery('presets.list', { kind }));
  const save = useApiMutation('presets.save', { notifyError: true, successMessage: (p) => `Đã lưu mẫu ghép cột “${p.name}”` });
  const remove = useApiMutation('presets.delete', { notifyError: true, successMessage: 'Đã xóa mẫu ghép cột' });
  const [presetId, setPresetId] = useState<string | undefined>();
  const [missing, setMissing] = useState<string[]>([]);
  const [name, setName] = useState('');
  const headers = sheet.headers.filter((h) => h !== '');
  const chosen = presets.data?.find((p) => p.id === presetId);
  const unmappedRequired = sheet.fields.filter((f) => f.required && !mapping[f.key]);

  const usePreset = (id: string | undefined) => {
    setPresetId(id);
    const preset = presets.data?.find((p) => p.id === id);
    if (!preset) return setMissing([]);
    const applied = applyPreset(preset, sheet.headers);
    setMissing(applied.missing);
    onChange(applied.mapping);
  };

  return (
    <section aria-label="Ghép cột" style={{ marginTop: 12 }}>
      <Typography.Text strong>
        Ghép cột — trang “{sheet.sheet}”, {headers.length} cột
      </Typography.Text>
      <Flex gap={8} wrap align="center" style={{ margin: '8px 0' }}>
        <Select
          aria-label="Mẫu ghép cột"
          placeholder="Dùng mẫu ghép cột…"
          allowClear
          value={presetId}
          onChange={usePreset}
          options={(presets.data ?? []).map((p) => ({ value: p.id, label: p.builtIn ? p.name : `${p.name} (đã lưu)` }))}
          style={{ width: 420 }}
          disabled={disabled}
        />
        {chosen && !chosen.builtIn && (
          <Popconfirm title={`Xóa mẫu “${chosen.name}”?`} okText="Xóa" cancelText="Không" onConfirm={() => remove.mutateAsync({ id: chosen.id }).then(() => setPresetId(undefined))}>
            <Button size="small" danger type="link">
              Xóa mẫu
            </Button>
          </Popconfirm>
        )}
        <Input aria-label="Tên mẫu ghép cột mới" placeholder="Tên mẫu để lưu cách ghép này" value={name} onChange={(e) => setName(e.target.value)} style={{ width: 240 }} disabled={disabled} />
        <Button disabled={disabled || name.trim().length < 2} loading={save.isPending} onClick={() => save.mutate({ kind, name, columns: Object.fromEntries(Object.entries(mapping).filter(([, h]) => h)) }, { onSuccess: (p) => (setName(''), setPresetId(p.id)) })}>
          Lưu mẫu
        </Button>
      </Flex>
      {missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`Tệp không có các cột của mẫu: ${missing.join(', ')}`} />}
      <Flex wrap gap={8}>
        {sheet.fields.map((field) => (
          <Select
            key={field.key}
            aria-label={`Cột cho ${field.label}`}
            placeholder={`${field.label}: không có cột${field.required ? ' (bắt buộc)' : ''}`}
            status={field.required && !mapping[field.key] ? 'warning' : undefined}
            allowClear
            disabled={disabled}
            value={mapping[field.key] || undefined}
            onChange={(h?: string) => onChange({ ...mapping, [field.key]: h ?? '' })}
            options={headers.map((h) => ({ value: h, label: `${field.label} ← ${h}` }))}
            style={{ width: 292 }}
          />
        ))}
      </Flex>
      {unmappedRequired.length > 0 && (
        <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
          Chưa chọn cột cho trường bắt buộc: {unmappedRequired.map((f) => f.label).join(', ')}.
        </Typography.Paragraph>
      )}
    </section>
  );
}
