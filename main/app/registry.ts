import { accountsHandlers, auditHandlers } from '../accounts/index.js';
import { agenciesHandlers } from '../agencies/index.js';
import { backupHandlers } from '../backup/index.js';
import { bundlesHandlers } from '../bundles/index.js';
import { reportHandlers } from '../annual-report/index.js';
import { evidenceHandlers } from '../evidence/index.js';
import { homeHandlers } from '../home/index.js';
import { officeHandlers } from '../office/index.js';
import { plansHandlers, templatesHandlers } from '../plans/index.js';
import { reportingHandlers } from '../reporting/index.js';
import { searchHandlers } from '../search/index.js';
import { statisticsHandlers } from '../statistics/index.js';
import { targetsHandlers } from '../targets/index.js';
import { tasksHandlers } from '../tasks/index.js';
import { titlesHandlers } from '../titles/index.js';
import { certificatesHandlers } from '../certificates/index.js';
import { unitsHandlers } from '../units/index.js';
import type { Handlers } from './handlers.js';

/** Every feature's handlers, joined; the type makes a missing or misspelt op a compile error. */
export const handlers: Handlers = {
  ...accountsHandlers,
  ...auditHandlers,
  ...officeHandlers,
  ...unitsHandlers,
  ...agenciesHandlers,
  ...searchHandlers,
  ...plansHandlers,
  ...templatesHandlers,
  ...targetsHandlers,
  ...tasksHandlers,
  ...reportingHandlers,
  ...homeHandlers,
  ...evidenceHandlers,
  ...titlesHandlers,
  ...certificatesHandlers,
  ...backupHandlers,
  ...bundlesHandlers,
  ...reportHandlers,
  ...statisticsHandlers,
};
