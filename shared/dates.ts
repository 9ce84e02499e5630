import { z } from 'zod';

/** A calendar day as ISO text, e.g. '2021-12-31'. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine((s) => isValidIsoDate(s), 'Ngày không có thật');
export type IsoDate = z.infer<typeof IsoDate>;

function isValidIsoDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Builds an ISO date from parts; month is 1-based. */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local calendar day of a moment, as the officer's clock shows it. */
export function isoDateFromInstant(instant: Date): IsoDate {
  return isoDateOf(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

/** The instant a local calendar day begins on the officer's clock, as stored instants are compared. */
export function localDayStart(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/**
 * Formats an ISO date or instant for a Vietnamese reader.
 * @example formatDateVi('2021-10-06') === '06/10/2021'
 */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const TYPED_DATE = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$/;

/**
 * Parses a date as officers type it (dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) into
 * an ISO date, or null when it is not one or not a real day.
 * @example parseDateVi('6/10/2021') === '2021-10-06'
 */
export function parseDateVi(text: string): IsoDate | null {
  const match = TYPED_DATE.exec(text);
  if (!match) return null;
  const iso = isoDateOf(Number(match[4]), Number(match[3]), Number(match[1]));
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * Why a typed date is refused, in Vietnamese, or null when it is a real day.
 * @example dateProblem('31/02/2026') === 'Ngày 31/02/2026 không có trong lịch'
 */
export function dateProblem(text: string): string | null {
  if (parseDateVi(text)) return null;
  if (TYPED_DATE.test(text)) return `Ngày ${text.trim()} không có trong lịch`;
  return `Không đọc được ngày “${text.trim()}”: hãy gõ theo dạng ngày/tháng/năm, ví dụ 06/10/2021`;
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return isoDateOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** "Tân Hồng, ngày 06 tháng 10 năm 2021" — the place-and-date line of official documents. */
export function officialDateLine(place: string, iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}
