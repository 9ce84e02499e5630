import { z } from 'zod';

/**
 * Criteria sets (bộ tiêu chí) as data, and the pure rules that score an
 * evaluation against one. Sets differ by title, subject group, area and year,
 * and the documents behind them change, so nothing here names a real indicator:
 * the shipped samples (titles-samples.ts) are editable data.
 */

export const TitleKind = z.enum(['cong_dan', 'gia_dinh', 'dong_ho', 'cong_dong', 'cong_dong_xa', 'don_vi']);
export type TitleKind = z.infer<typeof TitleKind>;

export const TITLE_LABELS: Record<TitleKind, string> = {
  cong_dan: 'Công dân học tập',
  gia_dinh: 'Gia đình học tập',
  dong_ho: 'Dòng họ học tập',
  cong_dong: 'Cộng đồng học tập (thôn, ấp)',
  cong_dong_xa: 'Cộng đồng học tập cấp xã',
  don_vi: 'Đơn vị học tập',
};

/** Where the subject lives; some thresholds are lower in communes with especially difficult conditions or ethnic-minority areas. */
export const AreaKind = z.enum(['thuong', 'kho_khan']);
export type AreaKind = z.infer<typeof AreaKind>;
export const AREA_LABELS: Record<AreaKind, string> = {
  thuong: 'Vùng thường',
  kho_khan: 'Xã đặc biệt khó khăn / vùng đồng bào dân tộc thiểu số',
};

const Code = z
  .string()
  .trim()
  .min(1, 'Thiếu mã')
  .max(20, 'Mã quá dài')
  .regex(/^[0-9A-Za-z.]+$/, 'Mã chỉ gồm chữ, số và dấu chấm');
const Name = z.string().trim().min(1, 'Thiếu tên').max(500, 'Tên quá dài');

export const Indicator = z.discriminatedUnion('kind', [
  z.object({
    code: Code,
    name: Name,
    kind: z.literal('points'),
    max: z.number().positive('Điểm tối đa phải lớn hơn 0').max(1000, 'Điểm tối đa quá lớn'),
    /** A score under the floor keeps the subject from any level that requires floors ("không chỉ số nào dưới 5 điểm"). */
    floor: z.number().min(0, 'Điểm sàn không được âm').nullable().default(null),
  }),
  /** Met or not (1 or 0): e.g. "không vi phạm pháp luật". */
  z.object({ code: Code, name: Name, kind: z.literal('passFail') }),
]);
export type Indicator = z.infer<typeof Indicator>;

export const Criterion = z.object({
  code: Code,
  name: Name,
  indicators: z.array(Indicator).min(1, 'Tiêu chí cần ít nhất một chỉ số').max(100, 'Quá nhiều chỉ số'),
});
export type Criterion = z.infer<typeof Criterion>;

/**
 * One result a set can give, tried best first. The total must reach `minTotal`
 * (or the area's own threshold), and when asked, every floor and every
 * pass/fail indicator must be met.
 */
export const ResultLevel = z.object({
  code: z.string().trim().min(1).max(30).regex(/^[a-z0-9_]+$/, 'Mã kết quả chỉ gồm chữ thường, số và _'),
  label: z.string().trim().min(1, 'Thiếu tên kết quả').max(60),
  minTotal: z.number().min(0, 'Ngưỡng điểm không được âm'),
  minTotalByArea: z.partialRecord(AreaKind, z.number().min(0, 'Ngưỡng điểm không được âm')).default({}),
  requireFloors: z.boolean().default(true),
  requirePassFail: z.boolean().default(true),
  /** Whether this result qualifies for recognition. */
  recognised: z.boolean().default(true),
});
export type ResultLevel = z.infer<typeof ResultLevel>;

export const CriteriaSetDefinition = z
  .object({
    title: TitleKind,
    /** The subject group the set is for: "nông dân", "công chức, viên chức", "hộ gia đình" … */
    group: z.string().trim().min(1, 'Thiếu nhóm đối tượng').max(120),
    name: z.string().trim().min(2, 'Thiếu tên bộ tiêu chí').max(300),
    legalBasis: z.string().trim().max(1000).default(''),
    note: z.string().trim().max(1000).default(''),
    fromYear: z.number().int().min(2000).max(2100),
    toYear: z.number().int().min(2000).max(2100).nullable().default(null),
    criteria: z.array(Criterion).min(1, 'Bộ tiêu chí cần ít nhất một tiêu chí').max(50),
    levels: z.array(ResultLevel).min(1, 'Cần ít nhất một mức kết quả').max(10),
    /** What a subject that reaches no level gets. */
    failLabel: z.string().trim().min(1).max(60).default('Không đạt'),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.criteria.forEach((criterion, ci) =>
      criterion.indicators.forEach((indicator, ii) => {
        if (seen.has(indicator.code)) ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'indicators', ii, 'code'], message: `Mã chỉ số "${indicator.code}" bị trùng` });
        seen.add(indicator.code);
        if (indicator.kind === 'points' && indicator.floor !== null && indicator.floor > indicator.max) {
          ctx.addIssue({ code: 'custom', path: ['criteria', ci, 'indicators', ii, 'floor'], message: `Điểm sàn của chỉ số ${indicator.code} lớn hơn điểm tối đa` });
        }
      }),
    );
    const total = maxTotal(set.criteria);
    set.levels.forEach((level, li) => {
      for (const threshold of [level.minTotal, ...Object.values(level.minTotalByArea)]) {
        if (threshold !== undefined && threshold > total) ctx.addIssue({ code: 'custom', path: ['levels', li, 'minTotal'], message: `Ngưỡng ${threshold} của mức "${level.label}" vượt tổng điểm tối đa ${total}` });
      }
      if (li > 0 && level.minTotal > set.levels[li - 1]!.minTotal) {
        ctx.addIssue({ code: 'custom', path: ['levels', li, 'minTotal'], message: 'Các mức kết quả phải xếp từ cao xuống thấp' });
      }
    });
    if (set.toYear !== null && set.toYear < set.fromYear) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'Năm kết thúc trước năm bắt đầu' });
  });
export type CriteriaSetDefinition = z.infer<typeof CriteriaSetDefinition>;
export type CriteriaSetInput = z.input<typeof CriteriaSetDefinition>;

export function indicatorsOf(criteria: readonly Criterion[]): Indicator[] {
  return criteria.flatMap((c) => c.indicators);
}

export function maxTotal(criteria: readonly Criterion[]): number {
  return indicatorsOf(criteria).reduce((sum, i) => sum + (i.kind === 'points' ? i.max : 0), 0);
}

/** Scores entered for an evaluation: points, or 1/0 for a pass/fail indicator; a missing code is not yet scored. */
export const Scores = z.record(z.string().max(20), z.number().finite('Điểm phải là số'));
export type Scores = z.infer<typeof Scores>;

export interface ScoreIssue {
  indicator: string;
  message: string;
}

const formatPoints = (n: number) => String(n).replace('.', ',');
/** "chỉ số 1.2 "Tự học qua sách"" — how a message names the indicator. */
const indicatorName = (i: Indicator) => `chỉ số ${i.code} "${i.name}"`;

/**
 * Checks scores against the set: each within 0..max (0 or 1 for pass/fail),
 * in steps of half a point as paper forms score, and no score for an
 * indicator the set does not have. Messages name the indicator.
 */
export function checkScores(set: Pick<CriteriaSetDefinition, 'criteria'>, scores: Scores): ScoreIssue[] {
  const indicators = new Map(indicatorsOf(set.criteria).map((i) => [i.code, i]));
  const issues: ScoreIssue[] = [];
  for (const [code, value] of Object.entries(scores)) {
    const indicator = indicators.get(code);
    if (!indicator) {
      issues.push({ indicator: code, message: `Bộ tiêu chí không có chỉ số ${code}` });
    } else if (indicator.kind === 'passFail') {
      if (value !== 0 && value !== 1) issues.push({ indicator: code, message: `${indicatorName(indicator)}: chỉ nhận Đạt (1) hoặc Không đạt (0), không nhận ${formatPoints(value)}` });
    } else if (value < 0 || value > indicator.max) {
      issues.push({ indicator: code, message: `${indicatorName(indicator)}: điểm ${formatPoints(value)} ngoài khoảng 0–${formatPoints(indicator.max)}` });
    } else if (!Number.isInteger(value * 2)) {
      issues.push({ indicator: code, message: `${indicatorName(indicator)}: điểm ${formatPoints(value)} phải là số nguyên hoặc nửa điểm` });
    }
  }
  return issues;
}

export interface ScoreResult {
  /** Sum of the points entered. */
  total: number;
  maxTotal: number;
  /** Indicators with no score yet; while any is missing there is no result. */
  missing: string[];
  /** Point indicators under their floor. */
  belowFloor: string[];
  /** Pass/fail indicators not met. */
  failed: string[];
  /** The threshold the subject's area applies to the best level (80 or 70 for Công dân học tập). */
  result: { code: string; label: string; recognised: boolean } | null;
}

export const FAIL_CODE = 'khong_dat';

/** The threshold a level applies in an area. */
export function thresholdFor(level: ResultLevel, area: AreaKind): number {
  return level.minTotalByArea[area] ?? level.minTotal;
}

/**
 * Scores an evaluation: the total, the floors and pass/fail indicators missed,
 * and the first level (best first) whose area threshold, floors and pass/fail
 * conditions are met; none met gives the set's fail label. Scores are assumed
 * checked (checkScores).
 */
export function scoreEvaluation(set: Pick<CriteriaSetDefinition, 'criteria' | 'levels' | 'failLabel'>, scores: Scores, area: AreaKind): ScoreResult {
  const indicators = indicatorsOf(set.criteria);
  const missing = indicators.filter((i) => scores[i.code] === undefined).map((i) => i.code);
  const points = indicators.filter((i) => i.kind === 'points');
  // Summed in tenths so 7.5 + 8.5 … never drifts off a threshold.
  const total = points.reduce((sum, i) => sum + Math.round((scores[i.code] ?? 0) * 10), 0) / 10;
  const belowFloor = points.filter((i) => i.floor !== null && scores[i.code] !== undefined && scores[i.code]! < i.floor).map((i) => i.code);
  const failed = indicators.filter((i) => i.kind === 'passFail' && scores[i.code] === 0).map((i) => i.code);
  const base = { total, maxTotal: maxTotal(set.criteria), missing, belowFloor, failed };
  if (missing.length > 0) return { ...base, result: null };
  const level = set.levels.find(
    (l) => total >= thresholdFor(l, area) && (!l.requireFloors || belowFloor.length === 0) && (!l.requirePassFail || failed.length === 0),
  );
  return { ...base, result: level ? { code: level.code, label: level.label, recognised: level.recognised } : { code: FAIL_CODE, label: set.failLabel, recognised: false } };
}

/** Why a scored evaluation missed the best level, in words for the form. */
export function explainResult(set: Pick<CriteriaSetDefinition, 'levels'>, score: ScoreResult, area: AreaKind): string {
  if (score.result === null) return `Còn ${score.missing.length} chỉ số chưa chấm`;
  const best = set.levels[0]!;
  if (score.result.code === best.code) return `${score.result.label}: ${formatPoints(score.total)}/${formatPoints(score.maxTotal)} điểm`;
  const reasons: string[] = [];
  if (score.total < thresholdFor(best, area)) reasons.push(`tổng ${formatPoints(score.total)} điểm dưới ngưỡng ${formatPoints(thresholdFor(best, area))}`);
  if (best.requireFloors && score.belowFloor.length > 0) reasons.push(`chỉ số dưới điểm sàn: ${score.belowFloor.join(', ')}`);
  if (best.requirePassFail && score.failed.length > 0) reasons.push(`chỉ số không đạt: ${score.failed.join(', ')}`);
  return `${score.result.label} (${reasons.join('; ')})`;
}
