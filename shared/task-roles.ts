/** Who a task (or component plan) is assigned to: one lead (chủ trì) and any coordinators (phối hợp). */
export interface Assignment {
  leadAgencyId: string | null;
  coordinatorAgencyIds: string[];
}

/** An agency that changed role because the officer chose it for the other one. */
export interface RoleMove {
  agencyId: string;
  to: 'lead' | 'coordinator';
}

/**
 * Makes `leadId` the lead. An agency cannot both lead and coordinate, so one
 * that coordinated leaves the coordinators, and the move is reported.
 * @example withLead({ leadAgencyId: null, coordinatorAgencyIds: ['a', 'b'] }, 'a')
 *   // { assignment: { leadAgencyId: 'a', coordinatorAgencyIds: ['b'] }, moved: { agencyId: 'a', to: 'lead' } }
 */
export function withLead(current: Assignment, leadId: string | null): { assignment: Assignment; moved: RoleMove | null } {
  const wasCoordinator = leadId !== null && current.coordinatorAgencyIds.includes(leadId);
  return {
    assignment: { leadAgencyId: leadId, coordinatorAgencyIds: wasCoordinator ? current.coordinatorAgencyIds.filter((id) => id !== leadId) : current.coordinatorAgencyIds },
    moved: wasCoordinator ? { agencyId: leadId, to: 'lead' } : null,
  };
}

/**
 * Sets the coordinators. Choosing the lead among them moves it: it coordinates
 * and the task has no lead until one is chosen, and the move is reported.
 */
export function withCoordinators(current: Assignment, coordinatorIds: string[]): { assignment: Assignment; moved: RoleMove | null } {
  const lead = current.leadAgencyId;
  const leadMoved = lead !== null && coordinatorIds.includes(lead);
  return {
    assignment: { leadAgencyId: leadMoved ? null : lead, coordinatorAgencyIds: coordinatorIds },
    moved: leadMoved ? { agencyId: lead, to: 'coordinator' } : null,
  };
}

/**
 * What the form says after a move, naming the agency.
 * @example describeRoleMove('Phòng Văn hóa và Thông tin', 'lead') === 'Phòng Văn hóa và Thông tin đã chuyển từ phối hợp sang chủ trì (một cơ quan không vừa chủ trì vừa phối hợp).'
 */
export function describeRoleMove(agencyName: string, to: RoleMove['to']): string {
  const [from, into] = to === 'lead' ? ['phối hợp', 'chủ trì'] : ['chủ trì', 'phối hợp'];
  return `${agencyName} đã chuyển từ ${from} sang ${into} (một cơ quan không vừa chủ trì vừa phối hợp).`;
}
