import type { z } from 'zod';
import './zod-locale.js';
import { accountsOps } from './accounts.js';
import { agenciesOps } from './agencies.js';
import { backupOps } from './backup.js';
import { bundlesOps } from './bundles.js';
import { reportOps } from './annual-report.js';
import { auditOps } from './audit.js';
import { evidenceOps } from './evidence.js';
import { officeOps } from './office.js';
import type { OpSpec } from './op.js';
import { plansOps } from './plans.js';
import { searchOps } from './search.js';
import { statisticsOps } from './statistics.js';
import { titlesOps } from './titles.js';
import { certificatesOps } from './certificates.js';
import { titlesImportOps } from './titles-import.js';
import { unitsOps } from './units.js';

/**
 * Every operation the renderer may ask of main, once. IPC and HTTP both carry
 * exactly these; a feature joins by adding its ops map here.
 */
export const contract = {
  ...accountsOps,
  ...auditOps,
  ...officeOps,
  ...unitsOps,
  ...agenciesOps,
  ...searchOps,
  ...plansOps,
  ...evidenceOps,
  ...titlesOps,
  ...titlesImportOps,
  ...certificatesOps,
  ...backupOps,
  ...bundlesOps,
  ...reportOps,
  ...statisticsOps,
} as const satisfies Record<string, OpSpec>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type InputOf<K extends OpName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends OpName> = z.output<Contract[K]['input']>;
export type OutputOf<K extends OpName> = z.infer<Contract[K]['output']>;

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
