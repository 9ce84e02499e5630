import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storedPlanCounts } from '../support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Counts taken independently from the seed texts (see each file's howCounted). */
const COUNTS_DIR = join(import.meta.dirname, '.');
const countFiles = readdirSync(COUNTS_DIR).filter((f) => f.endsWith('.counts.json'));

interface SeedCounts {
  template: string;
  targets: number;
  milestones: number;
  tasks: number;
  tasksWithLead: number;
  agencyAssignments: number;
  componentPlans: number;
  reportingDuties: number;
}

let app: TestApp;
afterEach(() => app.close());

describe('bundled seed templates', () => {
  it('has a counts file for every bundled template', async () => {
    app = await createTestApp();
    const names = (await app.call('templates.list', {})).map((t) => `${t.name}.json`).sort();
    expect(countFiles.map((f) => (JSON.parse(readFileSync(join(COUNTS_DIR, f), 'utf8')) as SeedCounts).template).sort()).toEqual(names);
  });

  it.each(countFiles)('%s: the imported plan holds what the seed text counts', async (file) => {
    const expected = JSON.parse(readFileSync(join(COUNTS_DIR, file), 'utf8')) as SeedCounts;
    app = await createTestApp();
    const plan = await app.call('templates.importBundled', { name: expected.template.replace(/\.json$/, '') });
    expect(await storedPlanCounts(app, plan.id)).toEqual({
      targets: expected.targets,
      milestones: expected.milestones,
      tasks: expected.tasks,
      tasksWithLead: expected.tasksWithLead,
      agencyAssignments: expected.agencyAssignments,
      componentPlans: expected.componentPlans,
      reportingDuties: expected.reportingDuties,
    });
  });
});
