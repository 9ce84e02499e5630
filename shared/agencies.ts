import { z } from 'zod';
import { XlsxFile } from './list-export.js';
import { mutation, query } from './op.js';
import { RevisedRef, SyncRowDto } from './sync-row.js';
import { compareVietnamese, matchesFolded } from './text.js';

export const AgencyKind = z.enum(['chuyen_mon', 'doan_the', 'ubnd_xa', 'khac']);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  chuyen_mon: 'Phòng/ban chuyên môn',
  doan_the: 'Đoàn thể/hội',
  ubnd_xa: 'UBND cấp xã',
  khac: 'Khác',
};

export const AgencyFields = z.object({
  name: z.string().trim().min(2, 'Tên cơ quan phải có ít nhất 2 ký tự').max(200, 'Tên cơ quan quá dài'),
  shortName: z.string().trim().max(60, 'Tên viết tắt quá dài').default(''),
  kind: AgencyKind,
  contact: z.string().trim().max(300, 'Thông tin liên hệ quá dài').default(''),
});
export type AgencyFields = z.infer<typeof AgencyFields>;

export const AgencyDto = SyncRowDto.extend({
  name: z.string(),
  shortName: z.string(),
  kind: AgencyKind,
  contact: z.string(),
});
export type AgencyDto = z.infer<typeof AgencyDto>;

/** What the agencies page filters on: its filter box (any of these words, folded) and the kind column's checked kinds. */
export const AgencyListFilter = z.object({ search: z.string().max(200).default(''), kinds: z.array(AgencyKind).default([]) });
export type AgencyListFilter = z.input<typeof AgencyListFilter>;

/** The page's rows: matching agencies in Vietnamese name order. */
export function filterAgencies<T extends Pick<AgencyDto, 'name' | 'shortName' | 'contact' | 'kind'>>(agencies: T[], filter: AgencyListFilter): T[] {
  const kinds = filter.kinds ?? [];
  return agencies
    .filter((a) => matchesFolded(`${a.name} ${a.shortName} ${a.contact} ${AGENCY_KIND_LABELS[a.kind]}`, filter.search ?? '') && (kinds.length === 0 || kinds.includes(a.kind)))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

/** The agencies a district plan usually assigns work to (DOMAIN.md; seed 002 §IV, seed 000 §V). */
export const USUAL_AGENCIES: readonly AgencyFields[] = [
  { name: 'Phòng Giáo dục và Đào tạo', shortName: 'Phòng GD&ĐT', kind: 'chuyen_mon', contact: '' },
  { name: 'Phòng Lao động - Thương binh và Xã hội', shortName: 'Phòng LĐ-TB&XH', kind: 'chuyen_mon', contact: '' },
  { name: 'Phòng Văn hóa và Thông tin', shortName: 'Phòng VH&TT', kind: 'chuyen_mon', contact: '' },
  { name: 'Phòng Tài chính - Kế hoạch', shortName: 'Phòng TC-KH', kind: 'chuyen_mon', contact: '' },
  { name: 'Phòng Y tế', shortName: 'Phòng YT', kind: 'chuyen_mon', contact: '' },
  { name: 'Trung tâm Văn hóa - Thể thao', shortName: 'TT VH-TT', kind: 'chuyen_mon', contact: '' },
  { name: 'Liên đoàn Lao động', shortName: 'LĐLĐ', kind: 'doan_the', contact: '' },
  { name: 'Ban Tuyên giáo', shortName: 'BTG', kind: 'doan_the', contact: '' },
  { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam', shortName: 'UBMTTQ', kind: 'doan_the', contact: '' },
  { name: 'Hội Khuyến học', shortName: 'HKH', kind: 'doan_the', contact: '' },
  { name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', shortName: 'Đoàn TN', kind: 'doan_the', contact: '' },
  { name: 'Hội Liên hiệp Phụ nữ', shortName: 'Hội LHPN', kind: 'doan_the', contact: '' },
  { name: 'Hội Cựu chiến binh', shortName: 'Hội CCB', kind: 'doan_the', contact: '' },
  { name: 'Hội Nông dân', shortName: 'Hội ND', kind: 'doan_the', contact: '' },
  { name: 'Hội Người cao tuổi', shortName: 'Hội NCT', kind: 'doan_the', contact: '' },
  { name: 'UBND các xã, thị trấn', shortName: 'UBND xã, TT', kind: 'ubnd_xa', contact: '' },
];

export const agenciesOps = {
  'agencies.list': query(z.object({}), z.array(AgencyDto)),
  /** The list as the page shows it (filter box, kinds) to .xlsx. */
  'agencies.export': query(AgencyListFilter, XlsxFile),
  'agencies.create': mutation(AgencyFields, AgencyDto, 'officer'),
  'agencies.update': mutation(AgencyFields.extend(RevisedRef.shape), AgencyDto, 'officer'),
  /** Leaves a tombstone; refused while a task or plan assigns work to the agency. */
  'agencies.delete': mutation(RevisedRef, z.object({ id: z.string() }), 'officer'),
} as const;
