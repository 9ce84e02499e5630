import { describe, expect, it } from 'vitest';
import { addDays, dateProblem, daysBetween, formatDateVi, IsoDate, officialDateLine, parseDateVi } from './dates.js';

describe('dates', () => {
  it.each([
    ['2021-10-06', '06/10/2021'],
    ['2030-12-31', '31/12/2030'],
    ['2022-01-01T08:00:00.000Z', '01/01/2022'],
    [null, ''],
  ])('formatDateVi(%s) = %s', (iso, text) => expect(formatDateVi(iso)).toBe(text));

  it.each([
    ['6/10/2021', '2021-10-06'],
    ['06/10/2021', '2021-10-06'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2022', null],
    ['2021-10-06', null],
    ['', null],
    ['6-10-2021', '2021-10-06'],
    ['06-10-2021', '2021-10-06'],
    ['06.10.2021', '2021-10-06'],
    [' 6/10/2021 ', '2021-10-06'],
    ['06/10-2021', null],
    ['31/02/2026', null],
    ['6/10/21', null],
  ])('parseDateVi(%s) = %s', (text, iso) => expect(parseDateVi(text)).toBe(iso));

  it.each([
    ['06/10/2021', null],
    ['31/02/2026', 'Ngày 31/02/2026 không có trong lịch'],
    ['31-04-2022', 'Ngày 31-04-2022 không có trong lịch'],
    ['mai', 'Không đọc được ngày “mai”: hãy gõ theo dạng ngày/tháng/năm, ví dụ 06/10/2021'],
  ])('dateProblem(%s) = %s', (text, problem) => expect(dateProblem(text)).toBe(problem));

  it('validates real days only', () => {
    expect(IsoDate.safeParse('2022-02-30').success).toBe(false);
    expect(IsoDate.safeParse('2022-02-28').success).toBe(true);
  });

  it('counts and adds days across months and years', () => {
    expect(daysBetween('2021-12-31', '2022-01-30')).toBe(30);
    expect(addDays('2021-12-15', 30)).toBe('2022-01-14');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('writes the official place-and-date line', () => {
    expect(officialDateLine('Tân Hồng', '2021-10-06')).toBe('Tân Hồng, ngày 06 tháng 10 năm 2021');
  });
});
