import { AppError, type FieldIssue } from '../../shared/errors.js';
import { listAgencies } from './agencies.service.js';
import type { ReadDb } from '../db/records.js';

export const LEAD_IS_COORDINATOR = 'Cơ quan chủ trì không được đồng thời là cơ quan phối hợp';

/** Refuses a lead that also coordinates, a repeated coordinator, or an agency that is not live. */
export async function assertAssignment(db: ReadDb, leadAgencyId: string | null, coordinatorAgencyIds: string[]): Promise<void> {
  const issues: FieldIssue[] = [];
  if (leadAgencyId !== null && coordinatorAgencyIds.includes(leadAgencyId)) issues.push({ path: ['coordinatorAgencyIds'], message: LEAD_IS_COORDINATOR });
  if (new Set(coordinatorAgencyIds).size !== coordinatorAgencyIds.length) {
    issues.push({ path: ['coordinatorAgencyIds'], message: 'Một cơ quan phối hợp được chọn hai lần' });
  }
  if (leadAgencyId === null && coordinatorAgencyIds.length === 0) return;
  const live = new Set((await listAgencies(db)).map((a) => a.id));
  if (leadAgencyId !== null && !live.has(leadAgencyId)) issues.push({ path: ['leadAgencyId'], message: 'Cơ quan chủ trì không tồn tại hoặc đã bị xóa' });
  coordinatorAgencyIds.forEach((id, i) => {
    if (!live.has(id)) issues.push({ path: ['coordinatorAgencyIds', i], message: 'Cơ quan phối hợp không tồn tại hoặc đã bị xóa' });
  });
  if (issues.length > 0) throw new AppError('VALIDATION', issues[0]!.message, { issues });
}
