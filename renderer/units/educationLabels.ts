import type { EducationValues } from '../../shared/units';

export const levelLabel = (level: number) => (level === 0 ? 'Chưa đạt' : `Mức độ ${level}`);
export const passLabel = (passed: boolean) => (passed ? 'Đạt' : 'Chưa đạt');
export const hasLabel = (has: boolean) => (has ? 'Có' : 'Không');

export const EDUCATION_LABELS: Record<keyof EducationValues, string> = {
  literacyLevel: 'Xóa mù chữ',
  preschoolUniversal: 'Phổ cập GD mầm non 5 tuổi',
  primaryLevel: 'Phổ cập GD tiểu học',
  lowerSecondaryLevel: 'Phổ cập GD THCS',
  learningCentreIT: 'Trung tâm HTCĐ ứng dụng CNTT',
};

export const levelOptions = (max: number) => Array.from({ length: max + 1 }, (_, level) => ({ value: level, label: levelLabel(level) }));
export const PASS_OPTIONS = [
  { value: true, label: 'Đạt' },
  { value: false, label: 'Chưa đạt' },
];
export const HAS_OPTIONS = [
  { value: true, label: 'Có' },
  { value: false, label: 'Không' },
];
