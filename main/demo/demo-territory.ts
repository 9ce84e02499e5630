/**
 * Huyện Tân Hồng, tỉnh Đồng Tháp: its 9 xã, thị trấn (seed 002 plans for
 * "9/9 xã, thị trấn") and their ấp, khóm. Codes are local codes of the demo,
 * not the national administrative codes.
 */
export interface DemoCommune {
  code: string;
  name: string;
  type: 'Xã' | 'Thị trấn';
  hamlets: string[];
  /** Rough size, scaling the made-up figures. */
  households: number;
}

export const DEMO_OFFICE = {
  name: 'Phòng Giáo dục và Đào tạo huyện Tân Hồng',
  code: '870',
  level: 'huyen' as const,
  territoryName: 'Tân Hồng',
  territoryType: 'Huyện',
  territoryCode: '870',
  provinceName: 'Đồng Tháp',
};

export const DEMO_COMMUNES: DemoCommune[] = [
  { code: '870-01', name: 'Sa Rài', type: 'Thị trấn', hamlets: ['Khóm 1', 'Khóm 2', 'Khóm 3', 'Khóm 4', 'Khóm 5'], households: 5200 },
  { code: '870-02', name: 'Tân Hộ Cơ', type: 'Xã', hamlets: ['Ấp Gò Chòi', 'Ấp Cả Găng', 'Ấp Thống Nhất', 'Ấp Chiến Thắng', 'Ấp Giồng Găng'], households: 3600 },
  { code: '870-03', name: 'Thông Bình', type: 'Xã', hamlets: ['Ấp Công Tạo', 'Ấp Bắc Trang', 'Ấp Chòi Mòi', 'Ấp Cà Vàng'], households: 3100 },
  { code: '870-04', name: 'Bình Phú', type: 'Xã', hamlets: ['Ấp Bình Hòa', 'Ấp Bình Thạnh', 'Ấp Bình Tân', 'Ấp Bình Trung'], households: 2500 },
  { code: '870-05', name: 'Tân Thành A', type: 'Xã', hamlets: ['Ấp Tân Thành', 'Ấp Tân Hòa', 'Ấp Tân Bình', 'Ấp Tân Phong'], households: 2700 },
  { code: '870-06', name: 'Tân Thành B', type: 'Xã', hamlets: ['Ấp Tân Lợi', 'Ấp Tân Thuận', 'Ấp Tân Thạnh', 'Ấp Tân An'], households: 2900 },
  { code: '870-07', name: 'Tân Phước', type: 'Xã', hamlets: ['Ấp Phước Tiên', 'Ấp Phước Lập', 'Ấp Phước Hòa', 'Ấp Phước Thạnh'], households: 2400 },
  { code: '870-08', name: 'Tân Công Chí', type: 'Xã', hamlets: ['Ấp Cả Vồ', 'Ấp Rọc Muống', 'Ấp Thống Nhất', 'Ấp Bàu Sen'], households: 3300 },
  { code: '870-09', name: 'An Phước', type: 'Xã', hamlets: ['Ấp An Lạc', 'Ấp An Thịnh', 'Ấp An Thạnh', 'Ấp An Hòa'], households: 2800 },
];

/** The years the demo holds figures and education status for. */
export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/**
 * Education status per commune and year, as levels reached: how many communes
 * reach xóa mù chữ mức độ 2 grows from 4 (2021) to 6 (2025), short of the plan's 7/9.
 */
export function demoEducation(communeIndex: number, year: number) {
  const step = year - 2021;
  return {
    literacyLevel: communeIndex < 4 + Math.floor(step / 2) ? 2 : 1,
    preschoolUniversal: communeIndex < 6 + Math.min(step, 2),
    primaryLevel: communeIndex < 7 + Math.min(step, 2) ? 3 : 2,
    lowerSecondaryLevel: communeIndex < 1 + Math.floor(step / 2) ? 3 : 2,
    learningCentreIT: communeIndex < 3 + step,
  } as const;
}
