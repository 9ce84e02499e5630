import { describe, expect, it } from 'vitest';
import type { SearchEntity, SearchHit } from '../../shared/search';
import { groupHits, optionValueOf, pathOfHit } from './searchTargets';

const hit = (entity: SearchEntity, id: string, label: string, detail = ''): SearchHit => ({ entity, id, label, detail });

describe('pathOfHit', () => {
  it.each<[SearchEntity, string, string]>([
    ['unit', '0190a1b2-0000-7000-8000-000000000001', '/units/0190a1b2-0000-7000-8000-000000000001'],
    ['agency', '0190a1b2-0000-7000-8000-000000000002', '/agencies?focus=0190a1b2-0000-7000-8000-000000000002'],
    ['plan', '0190a1b2-0000-7000-8000-000000000003', '/plans/0190a1b2-0000-7000-8000-000000000003'],
    ['task', '0190a1b2-0000-7000-8000-000000000004', '/tasks?focus=0190a1b2-0000-7000-8000-000000000004'],
    ['target', '0190a1b2-0000-7000-8000-000000000005', '/plans'],
  ])('sends a %s hit to its page', (entity, id, expected) => {
    expect(pathOfHit({ entity, id })).toBe(expected);
  });

  it.each<[SearchEntity, string, string]>([
    ['unit', 'Gò Chòi/1', '/units/G%C3%B2%20Ch%C3%B2i%2F1'],
    ['agency', 'GD&ĐT?x=1', '/agencies?focus=GD%26%C4%90T%3Fx%3D1'],
    ['plan', 'a#b', '/plans/a%23b'],
    ['task', 'x y', '/tasks?focus=x%20y'],
  ])('encodes a %s id that is not address-safe', (entity, id, expected) => {
    expect(pathOfHit({ entity, id })).toBe(expected);
  });
});

describe('optionValueOf', () => {
  it.each([
    [hit('unit', 'u-1', 'Xã Tân Hộ Cơ'), 'unit:u-1'],
    [hit('agency', 'a-7', 'Phòng GD&ĐT'), 'agency:a-7'],
    [hit('target', 't-3', '100% xã đạt chuẩn'), 'target:t-3'],
  ])('keys %o as entity:id', (h, expected) => {
    expect(optionValueOf(h)).toBe(expected);
  });

  it('tells apart a unit and a plan that share an id', () => {
    expect(optionValueOf(hit('unit', 'same', 'A'))).not.toBe(optionValueOf(hit('plan', 'same', 'A')));
  });
});

describe('groupHits', () => {
  it('groups hits under their Vietnamese labels in the fixed order unit, agency, plan, task, target', () => {
    const hits = [
      hit('target', 't-1', 'Tỷ lệ xã đạt chuẩn xã hội học tập'),
      hit('task', 'k-1', 'Tổ chức Tuần lễ hưởng ứng học tập suốt đời'),
      hit('agency', 'a-1', 'Hội Khuyến học'),
      hit('plan', 'p-1', 'Kế hoạch 123/KH-UBND'),
      hit('unit', 'u-1', 'Xã Tân Hộ Cơ'),
    ];
    expect(groupHits(hits)).toEqual([
      { entity: 'unit', label: 'Đơn vị', hits: [hits[4]] },
      { entity: 'agency', label: 'Cơ quan', hits: [hits[2]] },
      { entity: 'plan', label: 'Kế hoạch', hits: [hits[3]] },
      { entity: 'task', label: 'Nhiệm vụ', hits: [hits[1]] },
      { entity: 'target', label: 'Mục tiêu', hits: [hits[0]] },
    ]);
  });

  it('keeps the ranking inside a group and leaves out entities with no hit', () => {
    const hits = [
      hit('agency', 'a-2', 'Phòng GD&ĐT'),
      hit('unit', 'u-2', 'Ấp Gò Chòi'),
      hit('agency', 'a-1', 'Hội Khuyến học'),
      hit('unit', 'u-1', 'Xã Tân Hộ Cơ'),
    ];
    expect(groupHits(hits)).toEqual([
      { entity: 'unit', label: 'Đơn vị', hits: [hits[1], hits[3]] },
      { entity: 'agency', label: 'Cơ quan', hits: [hits[0], hits[2]] },
    ]);
  });

  it('returns no groups for no hits', () => {
    expect(groupHits([])).toEqual([]);
  });
});
