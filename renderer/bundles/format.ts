import { formatDateVi } from '../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy hh:mm in the PC's local time. */
export function dateTimeVi(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDateVi(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The first 8 characters of a bundle id are enough to tell bundles apart on screen; the full id is in the tooltip. */
export const shortId = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…` : id);
