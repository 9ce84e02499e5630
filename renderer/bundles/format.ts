import { formatDateVi } from '../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy hh:mm in the PC's local time. */
export function dateTimeVi(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDateVi(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A bundle id's last 8 characters tell bundles apart on screen (its first ones are a timestamp, alike for a day's bundles); the full id is in the tooltip. */
export const shortId = (id: string) => (id.length > 13 ? `…${id.slice(-8)}` : id);
