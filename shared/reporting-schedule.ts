import type { IsoDate } from './dates.js';

/**
 * What a report's state is called depends on its direction: the office sends
 * its own reports upward ("Đã gửi") and receives those owed to it ("Đã nhận").
 * @example deliveryWord(true) === 'Đã gửi'
 */
export function deliveryWord(outgoing: boolean): 'Đã gửi' | 'Đã nhận' {
  return outgoing ? 'Đã gửi' : 'Đã nhận';
}

/** The word for a report not yet delivered. */
export function pendingWord(outgoing: boolean): 'Chưa gửi' | 'Chưa nhận' {
  return outgoing ? 'Chưa gửi' : 'Chưa nhận';
}

/** True when a report came (or went) after its due day. */
export function isLate(dueDate: IsoDate, deliveredOn: IsoDate | null): boolean {
  return deliveredOn !== null && deliveredOn > dueDate;
}

/**
 * A group's delivery day: the day the last member's report came, once every
 * member's has; null while any is missing (or the group is empty).
 */
export function groupDeliveredOn(days: readonly (IsoDate | null)[]): IsoDate | null {
  if (days.length === 0 || days.some((d) => d === null)) return null;
  return [...(days as IsoDate[])].sort().at(-1)!;
}
