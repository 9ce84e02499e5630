import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldText, foldedWords, matchesFolded } from './text.js';

describe('foldText', () => {
  it.each([
    ['Tân Hồng', 'tan hong'],
    ['Đồng Tháp', 'dong thap'],
    ['Hội Khuyến học', 'hoi khuyen hoc'],
    ['Nguyễn Văn Ấn', 'nguyen van an'],
    ['ĐOÀN THANH NIÊN', 'doan thanh nien'],
    ['Phòng GD&ĐT', 'phong gd dt'],
    ['  Ấp   Gò Chòi ', 'ap go choi'],
    ['Thị trấn Sa Rài', 'thi tran sa rai'],
    ['Quý IV/2021', 'quy iv 2021'],
    ['ủy ban', 'uy ban'],
    ['Uỷ ban', 'uy ban'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input the same as composed', () => {
    expect(foldText('Tân Hồng'.normalize('NFD'))).toBe('tan hong');
  });
});

describe('matchesFolded', () => {
  it.each([
    ['Tân Hồng', 'tan hong', true],
    ['Hội Khuyến học', 'hoi khuyen', true],
    ['Hội Khuyến học', 'khuyen hoi', true],
    ['Hội Khuyến học', 'hoc k', true],
    ['Tân Hồng', 'tan hung', false],
    ['Tân Hồng', 'an', false],
    ['Tân Hồng', '', true],
  ])('%s matches "%s": %s', (text, query, expected) => {
    expect(matchesFolded(text, query)).toBe(expected);
  });
});

describe('foldedWords and compareVietnamese', () => {
  it('splits a query into folded words', () => {
    expect(foldedWords(' Đồng  tháp ')).toEqual(['dong', 'thap']);
    expect(foldedWords('   ')).toEqual([]);
  });

  it('sorts Vietnamese names in reading order', () => {
    expect(['Tân Thành B', 'An Phước', 'Đông Hòa', 'Bình Phú'].sort(compareVietnamese)).toEqual(['An Phước', 'Bình Phú', 'Đông Hòa', 'Tân Thành B']);
  });
});
