import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Form, Segmented, Select } from 'antd';
import { AgencyRole } from '../../shared/tasks';
import { apiQuery } from '../components/api';
import { DATE_FORMAT, dayjsOf, isoOf } from '../plans/common/dates';
import { foldedSearch, useAgencies, useCommunes } from '../plans/common/lookups';
import { TASK_STATUS_OPTIONS } from './TaskFormModal';
import type { TaskFilterState } from './taskFilters';

interface Props {
  value: TaskFilterState;
  onChange: (next: TaskFilterState) => void;
  onReset: () => void;
}

/** Filters of the task list: plan, agency and its role, status, commune, due range, overdue only. */
/** Agency and plan names run long ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện …"): their lists open wider than the boxes, so a name reads whole. */
const WIDE_LIST = 460;

export function TaskFilterBar({ value, onChange, onReset }: Props) {
  const plans = useQuery(apiQuery('plans.list', {}));
  const agencies = useAgencies();
  const communes = useCommunes();
  const set = (patch: Partial<TaskFilterState>) => onChange({ ...value, ...patch });
  const planOptions = (plans.data ?? []).map((p) => ({ value: p.id, label: [p.number, p.title].filter(Boolean).join(' — ') }));
  return (
    <Form layout="vertical" component="div">
      <Flex gap={12} wrap align="flex-end">
        <Form.Item label="Kế hoạch" htmlFor="task-filter-plan" style={{ width: 280, marginBottom: 8 }}>
          <Select id="task-filter-plan" options={planOptions} value={value.planId} onChange={(planId) => set({ planId })} allowClear showSearch={foldedSearch} placeholder="Tất cả kế hoạch" popupMatchSelectWidth={WIDE_LIST} />
        </Form.Item>
        <Form.Item label="Cơ quan" htmlFor="task-filter-agency" style={{ width: 260, marginBottom: 8 }}>
          <Select id="task-filter-agency" options={agencies.options} value={value.agencyId} onChange={(agencyId) => set({ agencyId })} allowClear showSearch={foldedSearch} placeholder="Tất cả cơ quan" popupMatchSelectWidth={WIDE_LIST} />
        </Form.Item>
        <Form.Item label="Vai trò" style={{ marginBottom: 8 }}>
          <Segmented
            aria-label="Vai trò của cơ quan"
            options={[
              { value: 'any', label: 'Bất kỳ' },
              { value: 'lead', label: 'Chủ trì' },
              { value: 'support', label: 'Phối hợp' },
            ]}
            value={value.agencyRole}
            onChange={(agencyRole) => set({ agencyRole: AgencyRole.parse(agencyRole) })}
            disabled={!value.agencyId}
          />
        </Form.Item>
        <Form.Item label="Trạng thái" htmlFor="task-filter-status" style={{ width: 240, marginBottom: 8 }}>
          <Select id="task-filter-status" mode="multiple" options={TASK_STATUS_OPTIONS} value={value.status} onChange={(status) => set({ status })} allowClear placeholder="Tất cả" />
        </Form.Item>
        <Form.Item label="Xã, phường" htmlFor="task-filter-commune" style={{ width: 200, marginBottom: 8 }}>
          <Select id="task-filter-commune" options={communes.options} value={value.communeId} onChange={(communeId) => set({ communeId })} allowClear showSearch={foldedSearch} placeholder="Tất cả" />
        </Form.Item>
        <Form.Item label="Thời hạn từ – đến" htmlFor="task-filter-due" style={{ marginBottom: 8 }}>
          <DatePicker.RangePicker
            id={{ start: 'task-filter-due' }}
            format={DATE_FORMAT}
            placeholder={['Từ ngày', 'Đến ngày']}
            allowEmpty={[true, true]}
            value={[dayjsOf(value.dueFrom), dayjsOf(value.dueTo)]}
            onChange={(range) => set({ dueFrom: isoOf(range?.[0]) ?? undefined, dueTo: isoOf(range?.[1]) ?? undefined })}
          />
        </Form.Item>
        <Flex vertical gap={2} style={{ marginBottom: 8 }}>
          <Checkbox checked={value.overdueOnly} onChange={(e) => set({ overdueOnly: e.target.checked })}>
            Chỉ quá hạn
          </Checkbox>
          <Checkbox checked={!value.assignedOnly} onChange={(e) => set({ assignedOnly: !e.target.checked })}>
            Hiện cả đề mục chưa giao
          </Checkbox>
        </Flex>
        <Button onClick={onReset} style={{ marginBottom: 8 }}>
          Xóa bộ lọc
        </Button>
      </Flex>
    </Form>
  );
}
