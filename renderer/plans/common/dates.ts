import dayjs, { type Dayjs } from 'dayjs';
import { isoDateFromInstant } from '../../../shared/dates';

/** The format every date picker of the plans pages shows and accepts. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const dayjsOf = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso.slice(0, 10)) : null);

export const isoOf = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);

export const todayIso = (): string => isoDateFromInstant(new Date());

export const currentYear = (): number => new Date().getFullYear();
