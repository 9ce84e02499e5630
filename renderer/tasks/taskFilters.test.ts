import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters, toTaskFilter, type TaskFilterState } from './taskFilters';

const PLAN = '0190a1b2-0000-7000-8000-0000000000a1';
const AGENCY = '0190a1b2-0000-7000-8000-0000000000b2'; // Phòng GD&ĐT
const COMMUNE = '0190a1b2-0000-7000-8000-0000000000c3'; // Xã Tân Hộ Cơ

const DEFAULTS: TaskFilterState = {
  planId: undefined,
  agencyId: undefined,
  agencyRole: 'any',
  status: [],
  communeId: undefined,
  dueFrom: undefined,
  dueTo: undefined,
  overdueOnly: false,
  assignedOnly: true,
};

const FULL: TaskFilterState = {
  planId: PLAN,
  agencyId: AGENCY,
  agencyRole: 'lead',
  status: ['not_started', 'in_progress'],
  communeId: COMMUNE,
  dueFrom: '2021-10-01',
  dueTo: '2021-12-31',
  overdueOnly: true,
  assignedOnly: false,
};

describe('filtersFromParams', () => {
  it.each<[string, string, TaskFilterState]>([
    ['no parameters', '', DEFAULTS],
    ['every parameter', `plan=${PLAN}&agency=${AGENCY}&role=lead&status=not_started,in_progress&commune=${COMMUNE}&from=2021-10-01&to=2021-12-31&overdue=1&all=1`, FULL],
    ['empty values', 'plan=&agency=&commune=&from=&to=&status=', DEFAULTS],
    ['a role other than lead', 'role=coordinator', DEFAULTS],
    ['overdue not "1"', 'overdue=true', DEFAULTS],
    ['all not "1"', 'all=0', DEFAULTS],
    ['a status list with empty parts', 'status=,done,,paused,', { ...DEFAULTS, status: ['done', 'paused'] }],
    ['an escaped status list', 'status=done%2Cpaused', { ...DEFAULTS, status: ['done', 'paused'] }],
    ['the phối hợp role', `agency=${AGENCY}&role=support`, { ...DEFAULTS, agencyId: AGENCY, agencyRole: 'support' }],
    ['only the overdue tasks of an agency as chủ trì', `agency=${AGENCY}&role=lead&overdue=1`, { ...DEFAULTS, agencyId: AGENCY, agencyRole: 'lead', overdueOnly: true }],
  ])('reads %s', (_what, query, expected) => {
    expect(filtersFromParams(new URLSearchParams(query))).toEqual(expected);
  });
});

describe('paramsFromFilters', () => {
  it.each<[string, TaskFilterState, string]>([
    ['the defaults as no parameters', DEFAULTS, ''],
    [
      'every filter',
      FULL,
      `plan=${PLAN}&agency=${AGENCY}&role=lead&status=not_started%2Cin_progress&commune=${COMMUNE}&from=2021-10-01&to=2021-12-31&overdue=1&all=1`,
    ],
    ['a single status', { ...DEFAULTS, status: ['done'] }, 'status=done'],
    ['a due range only', { ...DEFAULTS, dueFrom: '2022-01-01', dueTo: '2022-03-31' }, 'from=2022-01-01&to=2022-03-31'],
    ['empty strings as absent', { ...DEFAULTS, planId: '', agencyId: '', communeId: '' }, ''],
    ['the phối hợp role', { ...DEFAULTS, agencyId: AGENCY, agencyRole: 'support' }, `agency=${AGENCY}&role=support`],
    ['"any" role as absent', { ...DEFAULTS, agencyId: AGENCY, agencyRole: 'any' }, `agency=${AGENCY}`],
  ])('writes %s', (_what, state, expected) => {
    expect(paramsFromFilters(state).toString()).toBe(expected);
  });

  it.each<[string, TaskFilterState]>([
    ['the defaults', DEFAULTS],
    ['every filter', FULL],
    ['an agency as phối hợp', { ...DEFAULTS, agencyId: AGENCY, agencyRole: 'support' }],
    ['one commune, all tasks', { ...DEFAULTS, communeId: COMMUNE, assignedOnly: false }],
  ])('survives a round trip through the address: %s', (_what, state) => {
    expect(filtersFromParams(new URLSearchParams(paramsFromFilters(state).toString()))).toEqual(state);
  });
});

describe('toTaskFilter', () => {
  it('passes every filter through to the query', () => {
    expect(toTaskFilter(FULL)).toEqual({
      planId: PLAN,
      agencyId: AGENCY,
      agencyRole: 'lead',
      status: ['not_started', 'in_progress'],
      communeId: COMMUNE,
      dueFrom: '2021-10-01',
      dueTo: '2021-12-31',
      overdueOnly: true,
      assignedOnly: false,
    });
  });

  it('sends no status filter, rather than an empty one, when no status is chosen', () => {
    expect(toTaskFilter(DEFAULTS)).toEqual({
      planId: undefined,
      agencyId: undefined,
      agencyRole: 'any',
      status: undefined,
      communeId: undefined,
      dueFrom: undefined,
      dueTo: undefined,
      overdueOnly: false,
      assignedOnly: true,
    });
    expect(toTaskFilter(DEFAULTS).status).toBeUndefined();
  });
});
