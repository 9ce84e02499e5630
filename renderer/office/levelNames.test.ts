import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVEL_NAMES } from '../../shared/office';
import { formatLevelNames, parseLevelNames } from './levelNames';

describe('parseLevelNames', () => {
  it.each<[string, string | undefined, string[]]>([
    ['an untouched field', undefined, []],
    ['an empty field', '', []],
    ['only blank lines', '\n  \n\t\n', []],
    ['one level', 'Huyện/Thị xã/Thành phố', ['Huyện/Thị xã/Thành phố']],
    ['three levels', 'Huyện/Thị xã/Thành phố\nXã/Thị trấn/Phường\nẤp/Khóm/Thôn', ['Huyện/Thị xã/Thành phố', 'Xã/Thị trấn/Phường', 'Ấp/Khóm/Thôn']],
    ['padded lines and blank lines between', '  Xã/Phường  \n\n\n   Ấp/Thôn/Khóm/Tổ dân phố\n', ['Xã/Phường', 'Ấp/Thôn/Khóm/Tổ dân phố']],
    ['Windows line endings', 'Tỉnh/Thành phố\r\nXã/Phường/Đặc khu\r\n', ['Tỉnh/Thành phố', 'Xã/Phường/Đặc khu']],
  ])('reads %s', (_what, text, expected) => {
    expect(parseLevelNames(text)).toEqual(expected);
  });

  it('keeps spaces inside a level name', () => {
    expect(parseLevelNames(' Xã / Thị trấn ')).toEqual(['Xã / Thị trấn']);
  });
});

describe('formatLevelNames', () => {
  it.each<[string, readonly string[], string]>([
    ['no levels', [], ''],
    ['one level', ['Xã/Phường'], 'Xã/Phường'],
    ['the district levels', DEFAULT_LEVEL_NAMES.huyen, 'Huyện/Thị xã/Thành phố\nXã/Thị trấn/Phường\nẤp/Khóm/Thôn'],
  ])('writes %s one per line', (_what, names, expected) => {
    expect(formatLevelNames(names)).toBe(expected);
  });

  it.each(Object.entries(DEFAULT_LEVEL_NAMES))('reads back the %s levels unchanged', (_level, names) => {
    expect(parseLevelNames(formatLevelNames(names))).toEqual(names);
  });
});
