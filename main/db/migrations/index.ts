import type { Kysely } from 'kysely';
import { up as m0010 } from './0010_core.js';
import { up as m0020 } from './0020_units.js';
import { up as m0030 } from './0030_agencies.js';
import { up as m0040 } from './0040_plans.js';
import { up as m0060 } from './0060_evidence.js';
import { up as m0070 } from './0070_titles.js';
import { up as m0050 } from './0050_live_link_keys.js';
import { up as m0090 } from './0090_occurrences.js';
import { up as m0100 } from './0100_target_values.js';
import { up as m0120 } from './0120_title_authorities.js';
import { up as m0130 } from './0130_title_import_presets.js';
import { up as m0110 } from './0110_certificates.js';
import { up as m0160 } from './0160_accounts.js';
import { up as m0180 } from './0180_annual_report_template.js';
import { up as m0170 } from './0170_bundles.js';
import { up as m0190 } from './0190_certificate_templates.js';

export interface Migration {
  id: number;
  name: string;
  up: (db: Kysely<any>) => Promise<void>;
}

/**
 * Every migration, in order. Ids are multiples of 10 (a hotfix takes +1), the
 * file is named `<id>_<name>.ts`, and a shipped migration is never edited.
 */
export const MIGRATIONS: readonly Migration[] = [
  { id: 10, name: 'core', up: m0010 },
  { id: 20, name: 'units', up: m0020 },
  { id: 30, name: 'agencies', up: m0030 },
  { id: 40, name: 'plans', up: m0040 },
  { id: 50, name: 'live_link_keys', up: m0050 },
  { id: 60, name: 'evidence', up: m0060 },
  { id: 70, name: 'titles', up: m0070 },
  { id: 90, name: 'occurrences', up: m0090 },
  { id: 100, name: 'target_values', up: m0100 },
  { id: 110, name: 'certificates', up: m0110 },
  { id: 120, name: 'title_authorities', up: m0120 },
  { id: 130, name: 'title_import_presets', up: m0130 },
  { id: 160, name: 'accounts', up: m0160 },
  { id: 170, name: 'bundles', up: m0170 },
  { id: 180, name: 'annual_report_template', up: m0180 },
  { id: 190, name: 'certificate_templates', up: m0190 },
];
