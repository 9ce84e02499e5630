import { Typography } from 'antd';
import { AUDIT_ACTION_LABELS, type AuditEntryDto } from '../../shared/audit';

export const auditTime = (iso: string) => new Date(iso).toLocaleString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const actorText = (e: Pick<AuditEntryDto, 'actor' | 'actorName'>) => (e.actorName ? `${e.actorName} (${e.actor})` : e.actor);

/** One change in words: "Tên: Phòng A → Phòng B", a line per field. */
export function ChangeList({ entry }: { entry: AuditEntryDto }) {
  if (entry.changes.length === 0) return <Typography.Text type="secondary">{AUDIT_ACTION_LABELS[entry.action]}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {entry.changes.map((c) => (
        <li key={c.field}>
          <Typography.Text strong>{c.label}</Typography.Text>:{' '}
          {entry.action === 'created' ? (
            c.after
          ) : (
            <>
              <Typography.Text delete type="secondary">
                {c.before}
              </Typography.Text>{' '}
              → {c.after}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
