import { describe, expect, it } from 'vitest';
import { describeRoleMove, withCoordinators, withLead, type Assignment } from './task-roles.js';

const none: Assignment = { leadAgencyId: null, coordinatorAgencyIds: [] };

describe('withLead', () => {
  it.each<[string, Assignment, string | null, Assignment, { agencyId: string; to: 'lead' } | null]>([
    ['a first lead', none, 'gd', { leadAgencyId: 'gd', coordinatorAgencyIds: [] }, null],
    ['a lead not among the coordinators', { leadAgencyId: null, coordinatorAgencyIds: ['hkh'] }, 'gd', { leadAgencyId: 'gd', coordinatorAgencyIds: ['hkh'] }, null],
    ['a coordinator chosen as lead', { leadAgencyId: null, coordinatorAgencyIds: ['hkh', 'gd', 'vh'] }, 'gd', { leadAgencyId: 'gd', coordinatorAgencyIds: ['hkh', 'vh'] }, { agencyId: 'gd', to: 'lead' }],
    ['a coordinator replacing the lead', { leadAgencyId: 'vh', coordinatorAgencyIds: ['gd'] }, 'gd', { leadAgencyId: 'gd', coordinatorAgencyIds: [] }, { agencyId: 'gd', to: 'lead' }],
    ['the lead cleared', { leadAgencyId: 'gd', coordinatorAgencyIds: ['hkh'] }, null, { leadAgencyId: null, coordinatorAgencyIds: ['hkh'] }, null],
  ])('%s', (_what, current, lead, assignment, moved) => {
    expect(withLead(current, lead)).toEqual({ assignment, moved });
  });
});

describe('withCoordinators', () => {
  it.each<[string, Assignment, string[], Assignment, { agencyId: string; to: 'coordinator' } | null]>([
    ['coordinators without the lead', { leadAgencyId: 'gd', coordinatorAgencyIds: [] }, ['hkh'], { leadAgencyId: 'gd', coordinatorAgencyIds: ['hkh'] }, null],
    ['the lead chosen as coordinator', { leadAgencyId: 'gd', coordinatorAgencyIds: ['hkh'] }, ['hkh', 'gd'], { leadAgencyId: null, coordinatorAgencyIds: ['hkh', 'gd'] }, { agencyId: 'gd', to: 'coordinator' }],
    ['coordinators with no lead', none, ['gd'], { leadAgencyId: null, coordinatorAgencyIds: ['gd'] }, null],
    ['every coordinator removed', { leadAgencyId: 'gd', coordinatorAgencyIds: ['hkh'] }, [], { leadAgencyId: 'gd', coordinatorAgencyIds: [] }, null],
  ])('%s', (_what, current, ids, assignment, moved) => {
    expect(withCoordinators(current, ids)).toEqual({ assignment, moved });
  });
});

describe('describeRoleMove', () => {
  it.each([
    ['lead', 'Phòng Giáo dục và Đào tạo đã chuyển từ phối hợp sang chủ trì (một cơ quan không vừa chủ trì vừa phối hợp).'],
    ['coordinator', 'Phòng Giáo dục và Đào tạo đã chuyển từ chủ trì sang phối hợp (một cơ quan không vừa chủ trì vừa phối hợp).'],
  ] as const)('says the agency moved to %s', (to, text) => {
    expect(describeRoleMove('Phòng Giáo dục và Đào tạo', to)).toBe(text);
  });
});
