import { useQuery } from '@tanstack/react-query';
import { Alert, Form } from 'antd';
import { Deadline } from '../../shared/deadlines';
import { deadlineOutsidePlan } from '../../shared/task-deadline-period';
import { apiQuery } from '../components/api';
import { toDeadline, type DeadlineFormValue } from '../plans/common/deadlineForm';

/**
 * Warns, without refusing, when the deadline being typed falls outside the
 * plan's period, naming that period. A deadline still being typed says nothing:
 * the field itself will name what is missing.
 */
export function DeadlineOutsidePlan({ planId, name }: { planId: string; name: string }) {
  const form = Form.useFormInstance();
  const value = Form.useWatch(name, form) as DeadlineFormValue | undefined;
  const plan = useQuery(apiQuery('plans.get', { id: planId }));
  const deadline = Deadline.safeParse(toDeadline(value));
  const warning = plan.data && deadline.success ? deadlineOutsidePlan(deadline.data, plan.data.plan) : null;
  return warning ? <Alert role="status" type="warning" showIcon message={warning} style={{ marginTop: -8, marginBottom: 16 }} /> : null;
}
