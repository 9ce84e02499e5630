/** The left menu; keys are the paths they open. Plan pages are filled in by the plans feature. */
export const MENU_ITEMS = [
  { key: '/', label: 'Tổng quan' },
  { key: '/plans', label: 'Kế hoạch' },
  { key: '/tasks', label: 'Nhiệm vụ' },
  { key: '/agency-work', label: 'Việc của cơ quan' },
  { key: '/reports', label: 'Báo cáo định kỳ' },
  { key: '/annual-report', label: 'Báo cáo năm' },
  { key: '/titles', label: 'Danh hiệu học tập' },
  { key: '/certificates', label: 'Giấy công nhận' },
  { key: '/units', label: 'Đơn vị hành chính' },
  { key: '/agencies', label: 'Cơ quan, đơn vị' },
  { key: '/evidence', label: 'Kho minh chứng' },
  { key: '/settings', label: 'Cài đặt' },
  { key: '/bundles', label: 'Gửi, nhận dữ liệu' },
  { key: '/backup', label: 'Sao lưu' },
  { key: '/audit', label: 'Nhật ký thay đổi' },
  { key: '/accounts', label: 'Tài khoản' },
] as const;

/** The menu key a path belongs to: '/units/abc' → '/units'. */
export function menuKeyOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return `/${first}`;
}
