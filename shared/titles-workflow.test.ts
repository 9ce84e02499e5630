import { describe, expect, it } from 'vitest';
import { nextSteps, refuseStep, scoresEditable, type EvaluationStatus, type StepFacts } from './titles-workflow.js';

const ready: StepFacts = { complete: true, recognisedResult: true };
const incomplete: StepFacts = { complete: false, recognisedResult: false };
const failing: StepFacts = { complete: true, recognisedResult: false };

describe('refuseStep', () => {
  it.each<[EvaluationStatus, EvaluationStatus, StepFacts, string | null]>([
    ['dang_ky', 'tu_danh_gia', ready, null],
    ['dang_ky', 'tu_danh_gia', incomplete, 'Chưa chấm đủ các chỉ số: không thể chuyển sang "Tự đánh giá".'],
    ['tu_danh_gia', 'xa_tham_dinh', ready, null],
    ['tu_danh_gia', 'xa_tham_dinh', incomplete, 'Chưa chấm đủ các chỉ số: không thể chuyển sang "Xã thẩm định".'],
    ['tu_danh_gia', 'dang_ky', incomplete, null],
    ['xa_tham_dinh', 'de_nghi', ready, null],
    ['xa_tham_dinh', 'de_nghi', failing, 'Kết quả đánh giá chưa đạt: không thể đề nghị công nhận.'],
    ['xa_tham_dinh', 'khong_cong_nhan', failing, null],
    ['de_nghi', 'khong_cong_nhan', ready, null],
    ['de_nghi', 'xa_tham_dinh', ready, null],
    ['khong_cong_nhan', 'xa_tham_dinh', failing, null],
    ['de_nghi', 'cong_nhan', ready, 'Chỉ quyết định công nhận mới chuyển hồ sơ sang "Công nhận".'],
    ['dang_ky', 'de_nghi', ready, 'Không thể chuyển từ "Đăng ký" sang "Đề nghị công nhận".'],
    ['cong_nhan', 'khong_cong_nhan', ready, 'Không thể chuyển từ "Công nhận" sang "Không công nhận".'],
  ])('%s → %s (%o): %s', (from, to, facts, expected) => {
    expect(refuseStep(from, to, facts)).toBe(expected);
  });
});

describe('scoresEditable', () => {
  it.each<[EvaluationStatus, boolean]>([
    ['dang_ky', true],
    ['tu_danh_gia', true],
    ['xa_tham_dinh', true],
    ['de_nghi', false],
    ['cong_nhan', false],
    ['khong_cong_nhan', false],
  ])('%s: %s', (status, editable) => expect(scoresEditable(status)).toBe(editable));
});

describe('nextSteps', () => {
  it('never offers công nhận by hand', () => {
    for (const status of ['dang_ky', 'tu_danh_gia', 'xa_tham_dinh', 'de_nghi', 'cong_nhan', 'khong_cong_nhan'] as const) {
      expect(nextSteps(status)).not.toContain('cong_nhan');
    }
  });
});
