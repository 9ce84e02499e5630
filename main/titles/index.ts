import type { titlesOps } from '../../shared/titles.js';
import type { titlesImportOps } from '../../shared/titles-import.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { exportSet, importSet, installSamples, listAreas, listSets, saveSet, setArea } from './criteria-sets.service.js';
import { deleteAuthority, installAuthoritySamples, listAuthorities, saveAuthority } from './authorities.service.js';
import { printDecision } from './decision-print.js';
import { decisionDocx } from './decision-docx.js';
import { deletePreset, listPresets, savePreset } from './import-presets.js';
import { cancelListImport, listImportStatus, startListImport } from './list-import.job.js';
import { exportList, importTemplate } from './list.export.js';
import { countRecognitions, createDecision, deleteDecision, listDecisions } from './decisions.service.js';
import { advanceEvaluation, createEvaluation, deleteEvaluation, listEvaluations, saveScores } from './evaluations.service.js';
import { createSubject, deleteSubject, getSubject, listSubjects, updateSubject } from './subjects.service.js';

/**
 * For targets that count titles ("40% người lớn … đạt danh hiệu Công dân học
 * tập"): recognitions per commune, title and year, from live decisions.
 */
export { countRecognitions, listDecisions } from './decisions.service.js';
export { loadDemoTitles } from './demo.js';
export { installAuthoritySamples } from './authorities.service.js';

export const titlesHandlers: FeatureHandlers<typeof titlesOps & typeof titlesImportOps> = {
  'criteria.list': (_input, ctx) => listSets(ctx.db),
  'criteria.installSamples': (_input, ctx) => installSamples(ctx),
  'criteria.save': (input, ctx) => saveSet(ctx, input.fromId, input.definition),
  'criteria.export': (input, ctx) => exportSet(ctx.db, input.id),
  'criteria.import': (input, ctx) => importSet(ctx, input.content),
  'areas.list': (_input, ctx) => listAreas(ctx.db),
  'areas.set': (input, ctx) => setArea(ctx, input.unitId, input.area),
  'subjects.list': (input, ctx) => listSubjects(ctx.db, input),
  'subjects.get': (input, ctx) => getSubject(ctx.db, input.id, input.showIdNumber),
  'subjects.create': (input, ctx) => createSubject(ctx, input),
  'subjects.update': (input, ctx) => updateSubject(ctx, input),
  'subjects.delete': (input, ctx) => deleteSubject(ctx, input),
  'evaluations.list': (input, ctx) => listEvaluations(ctx.db, input),
  'evaluations.create': (input, ctx) => createEvaluation(ctx, input),
  'evaluations.saveScores': (input, ctx) => saveScores(ctx, input),
  'evaluations.advance': (input, ctx) => advanceEvaluation(ctx, input),
  'evaluations.delete': (input, ctx) => deleteEvaluation(ctx, input),
  'decisions.list': (input, ctx) => listDecisions(ctx.db, input.year),
  'decisions.create': (input, ctx) => createDecision(ctx, input),
  'decisions.delete': (input, ctx) => deleteDecision(ctx, input),
  'decisions.export': (input, ctx) => printDecision(ctx, input.id),
  'decisions.exportDocx': (input, ctx) => decisionDocx(ctx.db, input.id),
  'authorities.list': (_input, ctx) => listAuthorities(ctx.db),
  'authorities.installSamples': (_input, ctx) => installAuthoritySamples(ctx),
  'authorities.save': (input, ctx) => saveAuthority(ctx, input),
  'authorities.delete': (input, ctx) => deleteAuthority(ctx, input),
  'recognitions.list': (input, ctx) => countRecognitions(ctx.db, input),
  'subjects.importXlsx': async (input, ctx) => startListImport(ctx, input),
  'subjects.importStatus': async (input) => listImportStatus(input.jobId),
  'subjects.importCancel': async (input) => cancelListImport(input.jobId),
  'presets.list': (input, ctx) => listPresets(ctx.db, input.kind),
  'presets.save': (input, ctx) => savePreset(ctx, input),
  'presets.delete': (input, ctx) => deletePreset(ctx, input.id),
  'forms.export': (input, ctx) => importTemplate(ctx.db, input.kind, input.criteriaSetId),
  'lists.export': (input, ctx) => exportList(ctx.db, input),
};
