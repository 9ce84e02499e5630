import { z } from 'zod';
import { mutation, query } from './op.js';

export const OfficeLevel = z.enum(['tinh', 'huyen', 'xa']);
export type OfficeLevel = z.infer<typeof OfficeLevel>;
export const OFFICE_LEVEL_LABELS: Record<OfficeLevel, string> = {
  tinh: 'Cấp tỉnh',
  huyen: 'Cấp huyện',
  xa: 'Cấp xã/phường',
};

/**
 * Level names of the unit tree an office starts with, from its own level down.
 * A name lists the unit types of that level, separated by '/'.
 */
export const DEFAULT_LEVEL_NAMES: Record<OfficeLevel, string[]> = {
  tinh: ['Tỉnh/Thành phố', 'Xã/Phường/Đặc khu', 'Thôn/Ấp/Tổ dân phố'],
  huyen: ['Huyện/Thị xã/Thành phố', 'Xã/Thị trấn/Phường', 'Ấp/Khóm/Thôn'],
  xa: ['Xã/Phường', 'Ấp/Thôn/Khóm/Tổ dân phố'],
};

/** Unit types a level name offers: 'Xã/Thị trấn' → ['Xã', 'Thị trấn']. */
export function unitTypesOfLevel(levelName: string): string[] {
  return levelName
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
}

export const LevelNames = z
  .array(z.string().trim().min(1, 'Tên cấp không được để trống').max(120, 'Tên cấp quá dài'))
  .min(1, 'Cần ít nhất một cấp')
  .max(8, 'Tối đa 8 cấp');

export const OfficeCode = z
  .string()
  .trim()
  .min(1, 'Mã cơ quan không được để trống')
  .max(20, 'Mã cơ quan tối đa 20 ký tự')
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch');

export const OfficeSetupInput = z.object({
  name: z.string().trim().min(3, 'Tên cơ quan phải có ít nhất 3 ký tự').max(200, 'Tên cơ quan quá dài'),
  code: OfficeCode,
  level: OfficeLevel,
  /** The unit the office covers, which becomes the root of the unit tree. */
  territoryName: z.string().trim().min(2, 'Tên địa bàn phải có ít nhất 2 ký tự').max(120, 'Tên địa bàn quá dài'),
  territoryType: z.string().trim().min(1, 'Chọn loại đơn vị của địa bàn').max(60),
  territoryCode: OfficeCode,
  provinceName: z.string().trim().max(120, 'Tên tỉnh quá dài').default(''),
  levelNames: LevelNames.optional(),
});
export type OfficeSetupInput = z.input<typeof OfficeSetupInput>;

export const OfficeDto = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: OfficeLevel,
  rootUnitId: z.string(),
  provinceName: z.string(),
  levelNames: z.array(z.string()),
  publicKey: z.string(),
  createdAt: z.string(),
});
export type OfficeDto = z.infer<typeof OfficeDto>;

export const OfficeStatus = z.object({ office: OfficeDto.nullable() });
export type OfficeStatus = z.infer<typeof OfficeStatus>;

export const OfficeUpdateInput = z.object({
  name: OfficeSetupInput.shape.name,
  provinceName: OfficeSetupInput.shape.provinceName,
  levelNames: LevelNames,
});
export type OfficeUpdateInput = z.input<typeof OfficeUpdateInput>;

export const officeOps = {
  /** Whether the office is set up, and its facts. */
  'office.status': query(z.object({}), OfficeStatus),
  /** First run, by the administrator created just before: the office, its territory as the root unit, its signing key and the usual agencies. */
  'office.setup': mutation(OfficeSetupInput, OfficeDto, 'admin'),
  'office.update': mutation(OfficeUpdateInput, OfficeDto, 'admin'),
} as const;
