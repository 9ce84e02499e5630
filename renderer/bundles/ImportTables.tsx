import { Checkbox, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { describeChange, entityLabel, recordLabelOf } from '../../shared/audit';
import { RESOLUTION_LABELS, type ConflictRow, type EntityOutcome, type Rejection, type Resolution } from '../../shared/bundles';

const n = (v: number) => v.toLocaleString('vi-VN');

/** Created / updated / unchanged / conflicts / rejected per entity, with a total line; entities with no row are left out. */
export function OutcomeTable({ entities, label }: { entities: EntityOutcome[]; label: string }) {
  const [showUnchanged, setShowUnchanged] = useState(false);
  const present = entities.filter((e) => e.created + e.updated + e.unchanged + e.conflicts + e.rejected > 0);
  // Kinds where nothing changes are folded away by default, so the conflicts below stay within reach.
  const changing = present.filter((e) => e.created + e.updated + e.conflicts + e.rejected > 0);
  const folded = present.length - changing.length;
  const rows = showUnchanged ? present : changing;
  const sum = (k: keyof Omit<EntityOutcome, 'entity'>) => present.reduce((s, e) => s + e[k], 0);
  const cols = [
    { key: 'created', title: 'Thêm mới' },
    { key: 'updated', title: 'Cập nhật' },
    { key: 'unchanged', title: 'Không đổi' },
    { key: 'conflicts', title: 'Xung đột' },
    { key: 'rejected', title: 'Bị từ chối' },
  ] as const;
  return (
    <>
      <Table<EntityOutcome>
        size="small"
        rowKey="entity"
        pagination={false}
        aria-label={label}
        dataSource={rows}
        locale={{ emptyText: present.length === 0 ? 'Gói không có bản ghi nào.' : 'Không có gì thay đổi.' }}
        columns={[
          { title: 'Loại bản ghi', key: 'entity', render: (_v, e) => entityLabel(e.entity) },
          ...cols.map((c) => ({
            title: c.title,
            key: c.key,
            align: 'right' as const,
            width: 110,
            render: (_v: unknown, e: EntityOutcome) => (e[c.key] > 0 && (c.key === 'conflicts' || c.key === 'rejected') ? <Typography.Text type={c.key === 'rejected' ? 'danger' : 'warning'} strong>{n(e[c.key])}</Typography.Text> : n(e[c.key])),
          })),
        ]}
        summary={() =>
          present.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>Tổng cộng</strong>
              </Table.Summary.Cell>
              {cols.map((c, i) => (
                <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                  <strong>{n(sum(c.key))}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      {folded > 0 && (
        <Checkbox checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} style={{ marginTop: 8 }}>
          Hiện cả {folded.toLocaleString('vi-VN')} loại bản ghi không thay đổi
        </Checkbox>
      )}
    </>
  );
}

export function RejectionsTable({ rejections, total }: { rejections: Rejection[]; total: number }) {
  return (
    <>
      <Table<Rejection>
        size="small"
        rowKey={(r) => `${r.entity}:${r.line}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        aria-label="Bản ghi bị từ chối"
        dataSource={rejections}
        columns={[
          { title: 'Loại bản ghi', key: 'entity', width: 200, render: (_v, r) => entityLabel(r.entity) },
          // The message names the place in the bundle (data/records/<entity>.jsonl, dòng n) before the reason.
          { title: 'Vị trí và lý do', dataIndex: 'message' },
        ]}
      />
      {total > rejections.length && <Typography.Text type="secondary">… và {n(total - rejections.length)} bản ghi khác bị từ chối.</Typography.Text>}
    </>
  );
}

export const conflictKey = (c: { entity: string; id: string }) => `${c.entity}:${c.id}`;

/** The fields that differ, mine and theirs in words (as the journal shows a change). */
function differences(c: ConflictRow) {
  const alive = (row: Record<string, unknown>) => ({ ...row, deletedAt: null });
  const changes = describeChange(alive(c.mine), alive(c.theirs)).changes;
  const named = changes.filter((ch) => c.fields.includes(ch.field));
  return named.length > 0 ? named : changes;
}

function Side({ c, side }: { c: ConflictRow; side: 'mine' | 'theirs' }) {
  // A deletion on one side is the whole difference: the fields of a deleted record mean nothing to compare.
  if (c[side].deletedAt) return <Typography.Text type="danger">{side === 'mine' ? 'Đã xóa ở đơn vị mình' : 'Đã xóa ở đơn vị gửi'}</Typography.Text>;
  return (
    <dl className="xhht-conflict-side" style={{ margin: 0 }}>
      {differences(c).map((d) => (
        <div key={d.field} style={{ display: 'flex', gap: 6 }}>
          <dt style={{ color: 'rgba(0,0,0,0.65)', whiteSpace: 'nowrap' }}>{d.label}:</dt>
          <dd style={{ margin: 0, wordBreak: 'break-word' }}>{(side === 'mine' ? d.before : d.after) || '(trống)'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Each conflict with both versions side by side and its choice; a row without a choice follows the choice for all. */
export function ConflictsTable({ conflicts, choice, onChoose, disabled }: { conflicts: ConflictRow[]; choice: (c: ConflictRow) => Resolution | null; onChoose: (c: ConflictRow, r: Resolution) => void; disabled: boolean }) {
  return (
    <Table<ConflictRow>
      size="small"
      rowKey={conflictKey}
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      aria-label="Các bản ghi xung đột"
      dataSource={conflicts}
      columns={[
        {
          title: 'Bản ghi',
          key: 'record',
          width: 220,
          render: (_v, c) => (
            <>
              <div>{recordLabelOf(c.mine) || recordLabelOf(c.theirs) || c.id}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entityLabel(c.entity)}
              </Typography.Text>
            </>
          ),
        },
        { title: 'Bản của mình', key: 'mine', render: (_v, c) => <Side c={c} side="mine" /> },
        { title: 'Bản nhận được', key: 'theirs', render: (_v, c) => <Side c={c} side="theirs" /> },
        {
          title: 'Chọn',
          key: 'choice',
          width: 300,
          render: (_v, c) => (
            <Radio.Group
              optionType="button"
              size="small"
              disabled={disabled}
              value={choice(c)}
              onChange={(e) => onChoose(c, e.target.value as Resolution)}
              aria-label={`Chọn bản cho ${recordLabelOf(c.mine) || c.id}`}
              options={(['mine', 'theirs'] as const).map((r) => ({ value: r, label: RESOLUTION_LABELS[r] }))}
            />
          ),
        },
      ]}
    />
  );
}
