import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlanTemplate } from '../../shared/plan-template.js';
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

/** The bundled templates as parsed files, for rules that hold over every one of them. */
const TEMPLATES_DIR = join(import.meta.dirname, '../../main/plans/templates');
const templates = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, template: PlanTemplate.parse(JSON.parse(readFileSync(join(TEMPLATES_DIR, f), 'utf8'))) }));

/** The numbers a sentence writes: "7/9", "40%", "12,5" → 7, 9, 40, 12.5. */
const numbersIn = (text: string) => (text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(',', '.')));
/**
 * Sentences that say to keep on doing something set nothing that can be met,
 * unless they name a standard to hold ("tiếp tục duy trì đạt chuẩn …"): that is a yes/no state.
 */
const QUALITATIVE = /^(?:tiếp tục|duy trì|quán triệt|tăng cường|đẩy mạnh|nâng cao)(?=\s|$)/i;
const STATE = /đạt chuẩn|hoàn thành phổ cập|được công nhận/i;

describe('targets are typed from numbers the seed writes', () => {
  it.each(templates)('$file: every measured milestone has its value in its wording; a yes/no milestone words a state to reach', ({ template }) => {
    for (const target of template.targets) {
      for (const m of target.milestones) {
        const where = `${target.key} ${m.year ?? 'cuối kỳ'}`;
        expect(m.wording.trim(), `${where}: milestone without the plan's words`).not.toBe('');
        if (m.kind === 'boolean') {
          expect(QUALITATIVE.test(m.wording) && !STATE.test(m.wording), `${where}: qualitative text as a yes/no target: "${m.wording}"`).toBe(false);
        } else {
          expect(numbersIn(m.wording), `${where}: value ${m.value} is not in "${m.wording}"`).toContain(m.value);
          if (m.kind === 'unitCount') expect(numbersIn(m.wording), `${where}: total ${m.total}`).toContain(m.total);
        }
      }
    }
  });

  it.each(templates)('$file: a free-text deadline holds only what no deadline shape can say', ({ template }) => {
    const shaped = /^(?:hằng|hàng) (?:năm|quý)$|^đến năm \d{4}$|^năm \d{4}$|^trước ngày \d{1,2}\/\d{1,2}(?:\/\d{4})? ?(?:hằng năm)?$|^quý [ivx]+ năm \d{4}$/i;
    const deadlines = [
      ...template.tasks.map((t) => [t.key, t.deadline] as const),
      ...template.reportingDuties.map((d) => [d.key, d.due] as const),
    ];
    for (const [key, d] of deadlines) {
      if (d?.kind === 'none') expect(d.text.replace(/\s*\(.*\)$/, '').trim(), key).not.toMatch(shaped);
    }
  });
});

/**
 * "X: … phối hợp với Y …" makes Y the lead and X a coordinator. Each row is an
 * entry the templates had backwards, checked on the plan as imported.
 */
const ROLE_FIXES: { template: string; text: string; lead: string | null; coordinators: string[] }[] = [
  { template: 'hcm-4344-kh-ubnd', text: 'Sở Tài chính: phối hợp với Sở Giáo dục', lead: 'so-gddt', coordinators: ['so-tai-chinh'] },
  { template: 'hcm-4344-kh-ubnd', text: 'Phối hợp với các sở, ban, ngành liên quan đẩy mạnh', lead: 'so-ban-nganh', coordinators: ['ldld'] },
  { template: 'hcm-4344-kh-ubnd', text: 'Đề nghị Ban Tuyên giáo Thành ủy: phối hợp với', lead: 'so-gddt', coordinators: ['ban-tuyen-giao', 'so-ban-nganh'] },
  { template: 'hcm-4344-kh-ubnd', text: 'Phối hợp với Sở Giáo dục và Đào tạo đẩy mạnh hoạt động', lead: 'so-gddt', coordinators: ['khuyen-hoc'] },
  { template: 'hcm-4344-kh-ubnd', text: 'Hội Liên hiệp Phụ nữ Thành phố: phối hợp với', lead: 'so-gddt', coordinators: ['hoi-lhpn'] },
  { template: 'long-an-cong-dan-hoc-tap', text: 'Phối hợp với Hội Khuyến học tỉnh trong việc tổ chức đánh giá', lead: 'khuyen-hoc', coordinators: ['sgddt'] },
  { template: 'long-an-cong-dan-hoc-tap', text: 'Phối hợp với Hội Khuyến học tỉnh tổ chức tuyên truyền', lead: 'khuyen-hoc', coordinators: ['so-nganh'] },
  { template: 'long-an-cong-dan-hoc-tap', text: 'Phối hợp với Hội Khuyến học tỉnh tuyên truyền về ý nghĩa', lead: 'khuyen-hoc', coordinators: ['mttq'] },
  { template: 'tay-ninh-cong-dan-hoc-tap', text: 'Phối hợp với Hội Khuyến học tỉnh trong việc tổ chức đánh giá', lead: 'khuyen-hoc', coordinators: ['sgddt'] },
  { template: 'tay-ninh-cong-dan-hoc-tap', text: 'Phối hợp với Hội Khuyến học tỉnh tổ chức tuyên truyền', lead: 'khuyen-hoc', coordinators: ['so-nganh'] },
  { template: 'tay-ninh-cong-dan-hoc-tap', text: 'Phối hợp với Hội Khuyến học tỉnh tuyên truyền về ý nghĩa', lead: 'khuyen-hoc', coordinators: ['mttq'] },
  { template: 'tay-ninh-syt-5214', text: 'Phối hợp với Hội Khuyến học tỉnh tổ chức tuyên truyền', lead: 'khuyen-hoc', coordinators: ['don-vi-truc-thuoc'] },
  { template: 'phu-tan', text: 'Phối hợp với Hội khuyến học kiểm tra, giám sát', lead: 'khuyen-hoc', coordinators: ['gddt'] },
  { template: 'phu-tan', text: 'Phòng Tài chính - Kế hoạch: Phối hợp với các cơ quan', lead: null, coordinators: ['tckh'] },
  { template: 'phu-tan', text: 'Phối hợp với Hội khuyến học huyện đẩy mạnh', lead: 'khuyen-hoc', coordinators: ['mttq'] },
  { template: 'tan-hong-2021-2030', text: 'Phối hợp với các phòng, ban, ngành Huyện và cơ quan có liên quan đẩy mạnh', lead: 'phong-ban-nganh', coordinators: ['ldld'] },
  { template: 'tan-hong-2021-2030', text: 'Phối hợp với Phòng Giáo dục và Đào tạo, Phòng Văn hóa và Thông tin', lead: 'gddt', coordinators: ['vhtt', 'khuyen-hoc'] },
];

describe('"X: phối hợp với Y": Y leads, X coordinates', () => {
  const byTemplate = [...new Set(ROLE_FIXES.map((f) => f.template))].map((name) => [name, ROLE_FIXES.filter((f) => f.template === name)] as const);
  it.each(byTemplate)('%s: the corrected entries import with their lead and coordinators', async (name, fixes) => {
    const { template } = templates.find((t) => t.file === `${name}.json`)!;
    const agencyName = new Map(template.agencies.map((a) => [a.key, a.name]));
    app = await createTestApp();
    const plan = await app.call('templates.importBundled', { name });
    const tasks = await app.call('tasks.list', { planId: plan.id });
    for (const fix of fixes) {
      const found = tasks.filter((t) => t.text.startsWith(fix.text));
      expect(found, fix.text).toHaveLength(1);
      expect([found[0]!.leadAgencyName, found[0]!.coordinatorAgencyNames], fix.text).toEqual([
        fix.lead === null ? null : agencyName.get(fix.lead),
        fix.coordinators.map((c) => agencyName.get(c)),
      ]);
    }
  });
});
