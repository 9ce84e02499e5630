import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateVi } from '../../shared/dates';
import type { MemberState, TaskDto, TaskOccurrence } from '../../shared/tasks';
import { apiQuery, useApiMutation } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { ExportButton } from '../components/ExportButton';
import { DATE_FORMAT, dayjsOf, isoOf } from '../plans/common/dates';
import { OverdueTag, TaskStatusTag } from '../plans/common/tags';
import { taskLabel } from './taskTree';

/**
 * Every period of recurring or group work with where it stands, ticked done
 * here: for work owed by a group ("UBND các xã, thị trấn"), each member of each
 * period. A tick records today as the day it was done.
 */
export function OccurrencesModal({ task, onClose }: { task: TaskDto; onClose: () => void }) {
  const occurrences = useQuery(apiQuery('tasks.occurrences', { taskId: task.id }));
  const set = useApiMutation('tasks.setOccurrence', { notifyError: true });
  // The occurrence a tick answers with shows at once; the list read again afterwards replaces it.
  const [answered, setAnswered] = useState<ReadonlyMap<string, TaskOccurrence>>(new Map());
  useEffect(() => setAnswered(new Map()), [occurrences.dataUpdatedAt]);
  const byMember = task.memberKind !== 'none';
  // doneOn null: main records today.
  const tick = (o: TaskOccurrence, memberId: string, done: boolean, doneOn: string | null = null) =>
    set
      .mutateAsync({ taskId: task.id, periodKey: o.periodKey, memberId, status: done ? 'done' : 'not_started', doneOn })
      .then((after) => setAnswered((prev) => new Map(prev).set(after.periodKey, after)))
      .catch(() => undefined);
  const columns: TableColumnsType<TaskOccurrence> = [
    { title: 'Kỳ', dataIndex: 'label' },
    { title: 'Hạn', dataIndex: 'dueDate', width: 110, render: (d: string, o) => <Typography.Text type={o.overdue ? 'danger' : undefined}>{formatDateVi(d)}</Typography.Text> },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 230,
      render: (_, o) => (
        <>
          <TaskStatusTag status={o.status} />
          {o.overdue && <OverdueTag />}
          {o.members.length > 0 && <div style={{ fontSize: 12 }}>{`${o.members.filter((m) => m.done).length}/${o.members.length} đơn vị đã thực hiện`}</div>}
          {o.doneOn && byMember && <div style={{ fontSize: 12 }}>Xong ngày {formatDateVi(o.doneOn)}</div>}
        </>
      ),
    },
  ];
  if (!byMember) {
    columns.push({
      title: 'Đã thực hiện',
      key: 'done',
      width: 250,
      render: (_, o) => (
        <Flex gap={8} align="center">
          <Checkbox checked={o.status === 'done'} disabled={set.isPending} onChange={(e) => tick(o, '', e.target.checked)} aria-label={`Đã thực hiện: ${o.label}`} />
          {o.doneOn && <DoneOn on={o.doneOn} late={o.doneOn > o.dueDate} label={`Ngày thực hiện: ${o.label}`} onChange={(d) => tick(o, '', true, d)} />}
        </Flex>
      ),
    });
  }
  return (
    <Modal title="Từng kỳ thực hiện" open onCancel={onClose} width={860} footer={
        <>
          <ExportButton op="tasks.exportOccurrences" input={{ taskId: task.id }} ariaLabel="Xuất Excel các kỳ thực hiện của nhiệm vụ" />
          <Button onClick={onClose}>Xong</Button>
        </>
      }
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {taskLabel(task, 300)}
      </Typography.Paragraph>
      <QueryView query={occurrences} loadingText="Đang tải các kỳ…">
        {(stored) => {
          const rows = stored.map((o) => answered.get(o.periodKey) ?? o);
          return (
            <Table<TaskOccurrence>
              aria-label="Các kỳ thực hiện"
              rowKey="periodKey"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 12 ? { pageSize: 12, defaultCurrent: currentPage(rows, task), showSizeChanger: false } : false}
              expandable={
                byMember
                  ? {
                      defaultExpandedRowKeys: task.occurrence ? [task.occurrence.periodKey] : [],
                      expandedRowRender: (o) => <MembersTable occurrence={o} pending={set.isPending} onTick={(m, done, doneOn) => tick(o, m.memberId, done, doneOn)} />,
                    }
                  : undefined
              }
            />
          );
        }}
      </QueryView>
    </Modal>
  );
}

/** Opens on the page holding the period the lists show (the oldest overdue, else the next). */
function currentPage(rows: TaskOccurrence[], task: TaskDto): number {
  const index = task.occurrence ? rows.findIndex((o) => o.periodKey === task.occurrence!.periodKey) : -1;
  return index < 0 ? 1 : Math.floor(index / 12) + 1;
}

function MembersTable({ occurrence, pending, onTick }: { occurrence: TaskOccurrence; pending: boolean; onTick: (m: MemberState, done: boolean, doneOn?: string) => void }) {
  return (
    <Table<MemberState>
      aria-label={`Từng đơn vị: ${occurrence.label}`}
      rowKey="memberId"
      size="small"
      pagination={false}
      dataSource={occurrence.members}
      columns={[
        {
          title: 'Đơn vị',
          dataIndex: 'name',
          render: (name: string, m) => (
            <Checkbox checked={m.done} disabled={pending} onChange={(e) => onTick(m, e.target.checked)} aria-label={`Đã thực hiện: ${name} — ${occurrence.label}`}>
              {name}
            </Checkbox>
          ),
        },
        {
          title: 'Trạng thái',
          key: 'state',
          width: 240,
          render: (_, m) =>
            m.done ? (
              m.on ? (
                <DoneOn on={m.on} late={m.late} label={`Ngày thực hiện: ${m.name} — ${occurrence.label}`} onChange={(d) => onTick(m, true, d)} />
              ) : (
                <Tag color="green">Đã thực hiện</Tag>
              )
            ) : (
              <Tag color={occurrence.overdue ? 'red' : undefined}>{occurrence.overdue ? 'Quá hạn' : 'Chưa thực hiện'}</Tag>
            ),
        },
      ]}
    />
  );
}

/**
 * The day it was done, changeable: a tick records today, and work done earlier
 * (a 2021 report entered now) gets its real day, which decides "Muộn".
 */
function DoneOn({ on, late, label, onChange }: { on: string; late: boolean; label: string; onChange: (day: string) => void }) {
  return (
    <Flex gap={4} align="center">
      <DatePicker
        size="small"
        format={DATE_FORMAT}
        value={dayjsOf(on)}
        allowClear={false}
        aria-label={label}
        style={{ width: 130 }}
        onChange={(day) => {
          const iso = isoOf(day);
          if (iso && iso !== on) onChange(iso);
        }}
      />
      {late && <Tag color="orange">Muộn</Tag>}
    </Flex>
  );
}
