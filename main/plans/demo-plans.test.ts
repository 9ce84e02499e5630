import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { loadDemoPlans } from './index.js';

let app: TestApp;
afterEach(() => app.close());

describe('loadDemoPlans', () => {
  it.each(['2026-11-25', '2022-02-01', '2023-11-17'])('on %s loads Tân Hồng with progress, received reports and exactly one overdue task', async (today) => {
    app = await createTestApp({ today });
    await loadDemoPlans(app.ctx);
    const [plan] = await app.call('plans.list', {});
    expect(plan).toMatchObject({ taskCount: 62, targetCount: 17, overdueCount: 1 });
    const home = await app.call('home.overview', {});
    expect(home.overdueTasks).toHaveLength(1);
    expect(home.overdueTasks[0]!.leadAgencyName).not.toBeNull();
    const reports = await app.call('reporting.expected', { planId: plan!.id });
    const past = reports.filter((r) => r.dueDate < today);
    expect(past.filter((r) => r.deliveredOn !== null)).toHaveLength(Math.max(past.length - 1, 0));
    if (today >= '2023-01-01') {
      const tasks = await app.call('tasks.list', { planId: plan!.id });
      expect(tasks.filter((t) => t.status === 'in_progress').length).toBeGreaterThan(3);
      expect(tasks.filter((t) => t.status === 'done').length).toBeGreaterThan(0);
    }
    if (today >= '2024-01-01') {
      const targets = await app.call('targets.list', { planId: plan!.id });
      expect(targets.filter((t) => t.progress.actual?.origin === 'manual')).toHaveLength(3);
    }
  });
});
