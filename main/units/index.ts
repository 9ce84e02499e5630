import { unitsOps } from '../../shared/units.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { saveEducation, saveFigures, sumChildFigures } from './unit-yearly.service.js';
import { exportUnits } from './units.export.js';
import { cancelUnitsImport, startUnitsImport, unitsImportStatus } from './units-import.job.js';
import { createUnit, deleteUnit, getUnitDetail, loadUnitTree, moveUnit, updateUnit } from './units.service.js';

export { createUnitInTx, reindexUnitTree } from './units.service.js';
export { loadUnitTree, loadLiveUnit } from './units.repo.js';
export { loadEducationForYear, loadFiguresForYear, saveEducation, saveFigures, saveFiguresInTx, sumChildFigures } from './unit-yearly.service.js';

export const unitsHandlers: FeatureHandlers<typeof unitsOps> = {
  'units.tree': (_input, ctx) => loadUnitTree(ctx.db),
  'units.export': (input, ctx) => exportUnits(ctx.db, input.search, ctx.clock.today()),
  'units.get': (input, ctx) => getUnitDetail(ctx.db, input.id),
  'units.figureSums': (input, ctx) => sumChildFigures(ctx.db, input.id),
  'units.create': (input, ctx) => createUnit(ctx, input),
  'units.update': (input, ctx) => updateUnit(ctx, input),
  'units.move': (input, ctx) => moveUnit(ctx, input),
  'units.delete': (input, ctx) => deleteUnit(ctx, input),
  'units.saveFigures': (input, ctx) => saveFigures(ctx, input),
  'units.saveEducation': (input, ctx) => saveEducation(ctx, input),
  'units.importXlsx': async (input, ctx) => startUnitsImport(ctx, input),
  'units.importStatus': async (input) => unitsImportStatus(input.jobId),
  'units.importCancel': async (input) => cancelUnitsImport(input.jobId),
};
