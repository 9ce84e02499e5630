import { describe, expect, it } from 'vitest';
import { AuthorityFields, fillAuthorityText, placeInSentence } from './titles.js';

describe('authority texts', () => {
  it.each([
    ['Ủy ban nhân dân {xã}', 'Ủy ban nhân dân xã Tân Hộ Cơ'],
    ['Chủ tịch Ủy ban nhân dân {tỉnh}', 'Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp'],
    ['Như Điều 3;\nHội Khuyến học {xã};\nUBND {tỉnh};', 'Như Điều 3;\nHội Khuyến học xã Tân Hộ Cơ;\nUBND tỉnh Đồng Tháp;'],
    ['{xã}, {xã}', 'xã Tân Hộ Cơ, xã Tân Hộ Cơ'],
    ['Lưu: VT.', 'Lưu: VT.'],
  ])('fills %j', (text, filled) => {
    expect(fillAuthorityText(text, { commune: 'xã Tân Hộ Cơ', province: 'tỉnh Đồng Tháp' })).toBe(filled);
  });

  it.each([
    ['Xã Tân Hộ Cơ', 'xã Tân Hộ Cơ'],
    ['Thị trấn Sa Rài', 'thị trấn Sa Rài'],
    ['Phường An Lạc', 'phường An Lạc'],
    ['', ''],
  ])('writes %j inside a sentence as %j', (name, written) => {
    expect(placeInSentence(name)).toBe(written);
  });

  it.each([
    ['xa', 'Ủy ban nhân dân {xã}', true],
    ['tinh', 'Ủy ban nhân dân {tỉnh}', true],
    ['tinh', 'Ủy ban nhân dân {xã}', false],
  ] as const)('a %s body written %j is accepted: %s', (level, issuer, ok) => {
    expect(AuthorityFields.safeParse({ title: 'cong_dan', level, issuer, signerTitle: 'Chủ tịch' }).success).toBe(ok);
  });
});
