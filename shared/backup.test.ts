import { describe, expect, it } from 'vitest';
import { backupFileName, backupIsStale, backupTakenAt, backupsToKeep } from './backup.js';

/** A backup's name for a local date and hour. */
const at = (iso: string, hour = 12) => backupFileName(new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00`));

/** Every day from `from` for `days` days, one backup a day at noon. */
function daily(from: string, days: number): string[] {
  const start = new Date(`${from}T12:00:00`);
  return Array.from({ length: days }, (_, i) => backupFileName(new Date(start.getFullYear(), start.getMonth(), start.getDate() + i, 12)));
}

describe('backup file names', () => {
  it.each([
    [new Date(2026, 11, 4, 15, 30, 5), 'xhht-2026-12-04-153005.xhhtbak'],
    [new Date(2027, 0, 1, 0, 0, 0), 'xhht-2027-01-01-000000.xhhtbak'],
  ])('%s is named %s and read back', (date, name) => {
    expect(backupFileName(date)).toBe(name);
    expect(backupTakenAt(name)?.getTime()).toBe(date.getTime());
  });

  it.each(['notes.txt', 'xhht-2026-02-31-120000.xhhtbak', '.xhht-2026-12-04-120000.xhhtbak.part-abc', 'xhht-2026-12-04-120000.xhhtbak.bak'])('%s is not a backup', (name) => {
    expect(backupTakenAt(name)).toBeNull();
  });
});

describe('rotation keeps 7 daily, 4 weekly and 12 monthly backups', () => {
  it.each([
    ['three days of backups: all kept', daily('2026-12-01', 3), 3],
    // 25/11–04/12: the last 7 days; the older three share an ISO week and a month with kept ones.
    ['ten days: the last 7', daily('2026-11-25', 10), 7],
    ['two a day for 3 days: only the newest of each day', [...daily('2026-12-01', 3), at('2026-12-01', 8), at('2026-12-02', 8), at('2026-12-03', 8)], 3],
    // Up to 02/12/2026: 7 days; weeks ending 22/11 and 15/11 (the other two are among the days); month ends from January to October 2026.
    ['a year and a half of dailies: 7 days + 2 more weeks + 10 more months', daily('2025-06-01', 550), 7 + 2 + 10],
  ])('%s', (_label, names, kept) => {
    const keep = backupsToKeep(names);
    expect(keep.size).toBe(kept);
    const newest = [...names].sort().at(-1)!;
    expect(keep.has(newest)).toBe(true);
  });

  it('never keeps or counts files that are not backups', () => {
    const keep = backupsToKeep(['ghi chú.docx', ...daily('2026-12-01', 2)]);
    expect([...keep].sort()).toEqual(daily('2026-12-01', 2));
  });
});

describe('the home page warns about an old backup', () => {
  const now = new Date('2026-12-04T08:00:00Z');
  it.each([
    [null, true],
    ['2026-12-03T08:00:00Z', false],
    ['2026-11-27T08:00:00Z', false],
    ['2026-11-27T07:59:00Z', true],
  ])('last good backup %s: stale %s', (lastGoodAt, stale) => {
    expect(backupIsStale(lastGoodAt, now)).toBe(stale);
  });
});
