import { DecisionFields, SubjectFields, type EvaluationDto, type SubjectInput } from '../../shared/titles.js';
import type { Scores } from '../../shared/titles-criteria.js';
import type { EvaluationStatus } from '../../shared/titles-workflow.js';
import type { AppContext } from '../app/context.js';
import { installAuthoritySamples, listAuthorities } from './authorities.service.js';
import { listSets, installSamples, setArea } from './criteria-sets.service.js';
import { createDecision } from './decisions.service.js';
import { advanceEvaluation, createEvaluation, saveScores } from './evaluations.service.js';
import { loadPlaces } from './places.js';
import { createSubject } from './subjects.service.js';

const YEAR = 2025;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Minh', 'Thanh'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Kim'];
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khoa', 'Lộc', 'Phúc', 'Tài'];
const GIVEN_FEMALE = ['Anh', 'Bích', 'Cúc', 'Diễm', 'Hạnh', 'Hoa', 'Lan', 'Mai', 'Nga', 'Thảo'];

/**
 * Ten indicator scores that land where the example needs them: most people
 * pass, some fall short of 80 (and pass only where the commune is a
 * difficult area), one misses a floor.
 */
function citizenScores(codes: string[], n: number): Scores {
  const base = [9, 8.5, 8, 8, 7.5, 9, 7, 8, 9.5, 6.5][n % 10]!;
  const scores = Object.fromEntries(codes.map((c, i) => [c, Math.min(10, base + ((i + n) % 3) * 0.5)]));
  if (n % 7 === 3) scores[codes[4]!] = 4;
  return scores;
}

async function advanceTo(ctx: AppContext, evaluation: EvaluationDto, steps: EvaluationStatus[]): Promise<EvaluationDto> {
  let current = evaluation;
  for (const to of steps) current = await advanceEvaluation(ctx, { id: current.id, rev: current.rev, to });
  return current;
}

/**
 * A year's cycle in two communes of the demo territory: people, households,
 * a clan and a school; their 2025 evaluations at every step of the workflow;
 * one recognition decision for Tân Hộ Cơ (an especially difficult commune,
 * so 70 points pass there), made from the sample authority table (the
 * commune's chairman recognises citizens), and Thông Bình's proposals still
 * awaiting theirs. Returns the decision, whose certificates the demo issues.
 */
export async function loadDemoTitles(ctx: AppContext): Promise<{ decisionId: string | null }> {
  await installSamples(ctx);
  await installAuthoritySamples(ctx);
  const citizenAuthority = (await listAuthorities(ctx.db)).find((a) => a.title === 'cong_dan' && a.level === 'xa')!;
  const sets = await listSets(ctx.db);
  const setOf = (key: string) => sets.find((s) => s.sampleKey === key && s.current)!;
  const places = await loadPlaces(ctx.db);
  const communes = [...places.values()].filter((p) => p.depth === 1 && (p.name === 'Xã Tân Hộ Cơ' || p.name === 'Xã Thông Bình'));
  const hamletsOf = (communeId: string) => [...places.values()].filter((p) => p.communeId === communeId && p.depth === 2);
  const citizenCodes = setOf('cdht-nong-dan').definition.criteria.flatMap((c) => c.indicators.map((i) => i.code));
  let decisionId: string | null = null;

  for (const [ci, commune] of communes.entries()) {
    if (commune.name === 'Xã Tân Hộ Cơ') await setArea(ctx, commune.id, 'kho_khan');
    const hamlets = hamletsOf(commune.id);
    const proposed: string[] = [];
    const subject = (fields: SubjectInput) => createSubject(ctx, SubjectFields.parse(fields));
    for (let n = 0; n < 12; n++) {
      const female = n % 2 === 1;
      const k = ci * 12 + n;
      const name = `${FAMILY[k % FAMILY.length]} ${(female ? MIDDLE_FEMALE : MIDDLE_MALE)[k % 4]} ${(female ? GIVEN_FEMALE : GIVEN_MALE)[(k * 3) % 10]}`;
      const group = n % 4 === 0 ? 'Cán bộ, công chức, viên chức' : 'Nông dân';
      const person = await subject({
        kind: 'person',
        name,
        unitId: hamlets[n % hamlets.length]!.id,
        birthYear: 1965 + ((k * 7) % 38),
        gender: female ? 'nu' : 'nam',
        ethnicity: n === 5 ? 'Khmer' : 'Kinh',
        labourGroup: group,
        idNumber: `0870${String(1965 + ((k * 7) % 38)).slice(2)}${String(100000 + k * 137).padStart(6, '0')}`,
      });
      const set = setOf(group === 'Nông dân' ? 'cdht-nong-dan' : 'cdht-cong-chuc');
      const created = await createEvaluation(ctx, { subjectId: person.id, subjectUnitId: null, year: YEAR, title: 'cong_dan', criteriaSetId: set.id });
      if (n === 11) continue;
      const scored = await saveScores(ctx, { id: created.id, rev: created.rev, scores: citizenScores(citizenCodes, k), evaluator: n % 3 === 0 ? 'Tự đánh giá' : 'Ban khuyến học ấp', evidence: '' });
      if (n === 10) continue;
      const reviewed = await advanceTo(ctx, scored, n === 9 ? ['tu_danh_gia'] : ['tu_danh_gia', 'xa_tham_dinh']);
      // n = 9 stays at self-evaluation, n = 8 at the commune's review.
      if (n === 9 || n === 8) continue;
      if (reviewed.recognisedResult) proposed.push((await advanceTo(ctx, reviewed, ['de_nghi'])).id);
      else await advanceTo(ctx, reviewed, ['khong_cong_nhan']);
    }
    const household = await subject({ kind: 'household', name: `Hộ ông ${FAMILY[ci + 2]} Văn Hòa`, unitId: hamlets[0]!.id, address: `Tổ 3, ${hamlets[0]!.name}` });
    const familySet = setOf('gdht');
    const familyCodes = familySet.definition.criteria.flatMap((c) => c.indicators);
    const fe = await createEvaluation(ctx, { subjectId: household.id, subjectUnitId: null, year: YEAR, title: 'gia_dinh', criteriaSetId: familySet.id });
    await saveScores(ctx, { id: fe.id, rev: fe.rev, scores: Object.fromEntries(familyCodes.map((i) => [i.code, i.kind === 'points' ? i.max - 1 : 1])), evaluator: 'Chi hội khuyến học ấp', evidence: '' });
    await subject({ kind: 'clan', name: `Dòng họ ${FAMILY[ci + 4]}`, unitId: commune.id, representative: `${FAMILY[ci + 4]} Văn Tộc`, hamletIds: hamlets.slice(0, 2).map((h) => h.id) });
    await subject({ kind: 'organisation', name: `Trường Tiểu học ${commune.name.replace('Xã ', '')}`, unitId: commune.id, orgKind: 'truong_hoc', orgLevel: 'Cấp xã' });
    if (commune.name === 'Xã Tân Hộ Cơ' && proposed.length > 0) {
      const decision = await createDecision(
        ctx,
        DecisionFields.parse({
          number: '245/QĐ-UBND',
          signedOn: '2025-12-22',
          authorityId: citizenAuthority.id,
          signerName: 'Nguyễn Văn Quyết',
          place: 'Tân Hộ Cơ',
          title: 'cong_dan',
          year: YEAR,
          evaluationIds: proposed,
        }),
      );
      decisionId = decision.id;
    }
  }
  return { decisionId };
}
