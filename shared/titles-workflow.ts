import { z } from 'zod';

/** The yearly cycle of one evaluation (DOMAIN.md, "A year's cycle"). */
export const EvaluationStatus = z.enum(['dang_ky', 'tu_danh_gia', 'xa_tham_dinh', 'de_nghi', 'cong_nhan', 'khong_cong_nhan']);
export type EvaluationStatus = z.infer<typeof EvaluationStatus>;

export const STATUS_LABELS: Record<EvaluationStatus, string> = {
  dang_ky: 'Đăng ký',
  tu_danh_gia: 'Tự đánh giá',
  xa_tham_dinh: 'Xã thẩm định',
  de_nghi: 'Đề nghị công nhận',
  cong_nhan: 'Công nhận',
  khong_cong_nhan: 'Không công nhận',
};

/** Steps an officer may take by hand; công nhận comes only from a recognition decision, and leaves it when the decision is deleted. */
const MANUAL_STEPS: Record<EvaluationStatus, readonly EvaluationStatus[]> = {
  dang_ky: ['tu_danh_gia'],
  tu_danh_gia: ['xa_tham_dinh', 'dang_ky'],
  xa_tham_dinh: ['de_nghi', 'khong_cong_nhan', 'tu_danh_gia'],
  de_nghi: ['khong_cong_nhan', 'xa_tham_dinh'],
  cong_nhan: [],
  khong_cong_nhan: ['xa_tham_dinh'],
};

export function nextSteps(from: EvaluationStatus): readonly EvaluationStatus[] {
  return MANUAL_STEPS[from];
}

/** Scores may change until the commune proposes the subject. */
export function scoresEditable(status: EvaluationStatus): boolean {
  return status === 'dang_ky' || status === 'tu_danh_gia' || status === 'xa_tham_dinh';
}

export interface StepFacts {
  /** Every indicator has a score. */
  complete: boolean;
  /** The computed result qualifies for recognition. */
  recognisedResult: boolean;
}

/** Why a manual step is refused, or null when it may be taken. */
export function refuseStep(from: EvaluationStatus, to: EvaluationStatus, facts: StepFacts): string | null {
  if (!MANUAL_STEPS[from].includes(to)) {
    if (to === 'cong_nhan') return 'Chỉ quyết định công nhận mới chuyển hồ sơ sang "Công nhận".';
    return `Không thể chuyển từ "${STATUS_LABELS[from]}" sang "${STATUS_LABELS[to]}".`;
  }
  const forward = EvaluationStatus.options.indexOf(to) > EvaluationStatus.options.indexOf(from);
  if (forward && (to === 'tu_danh_gia' || to === 'xa_tham_dinh') && !facts.complete) {
    return `Chưa chấm đủ các chỉ số: không thể chuyển sang "${STATUS_LABELS[to]}".`;
  }
  if (to === 'de_nghi' && !facts.recognisedResult) return 'Kết quả đánh giá chưa đạt: không thể đề nghị công nhận.';
  return null;
}
