import type { MemberKind } from '../../shared/tasks.js';
import { AppError } from '../../shared/errors.js';
import { listAgencies } from '../agencies/index.js';
import type { ReadDb } from '../db/records.js';
import { loadUnitTree } from '../units/index.js';

export interface Member {
  id: string;
  name: string;
}

/** The names a group's members can come from: the communes (units at commune level) and the agencies. */
export interface MemberDirectory {
  communes: Member[];
  communeNames: Map<string, string>;
  agencyNames: Map<string, string>;
}

export async function loadMemberDirectory(db: ReadDb): Promise<MemberDirectory> {
  const [units, agencies] = await Promise.all([loadUnitTree(db), listAgencies(db)]);
  const communes = units.filter((u) => u.depth === 1).map((u) => ({ id: u.id, name: u.name }));
  return { communes, communeNames: new Map(communes.map((c) => [c.id, c.name])), agencyNames: new Map(agencies.map((a) => [a.id, a.name])) };
}

/**
 * Who a group stands for, in order: the chosen communes or every commune
 * ("UBND các xã, thị trấn"), or the chosen agencies ("các phòng, ban, ngành").
 * A chosen member deleted since is left out rather than shown nameless.
 */
export function membersOf(kind: MemberKind, memberIds: readonly string[], directory: MemberDirectory): Member[] {
  switch (kind) {
    case 'none':
      return [];
    case 'communes':
      return memberIds.length === 0
        ? directory.communes
        : memberIds.flatMap((id) => (directory.communeNames.has(id) ? [{ id, name: directory.communeNames.get(id)! }] : []));
    case 'agencies':
      return memberIds.flatMap((id) => (directory.agencyNames.has(id) ? [{ id, name: directory.agencyNames.get(id)! }] : []));
  }
}

/** Refuses members that are not live communes or agencies of the kind chosen, naming the field. */
export async function assertMembers(db: ReadDb, kind: MemberKind, memberIds: readonly string[]): Promise<void> {
  if (memberIds.length === 0 && kind !== 'agencies') return;
  if (kind === 'none' && memberIds.length > 0) throw memberError(['memberIds'], 'Chỉ chọn thành viên khi chủ thể là một nhóm');
  if (kind === 'agencies' && memberIds.length === 0) throw memberError(['memberIds'], 'Chọn các cơ quan trong nhóm');
  const directory = await loadMemberDirectory(db);
  const known = kind === 'communes' ? directory.communeNames : directory.agencyNames;
  const bad = memberIds.findIndex((id) => !known.has(id));
  if (bad >= 0) throw memberError(['memberIds', bad], kind === 'communes' ? 'Xã không tồn tại hoặc đã bị xóa' : 'Cơ quan không tồn tại hoặc đã bị xóa');
}

/** Refuses writing a member's state when the member is not one of the group's. */
export function assertMemberOf(members: readonly Member[], memberId: string): void {
  if (memberId === '' ? members.length === 0 : members.some((m) => m.id === memberId)) return;
  throw memberError(['memberId'], memberId === '' ? 'Việc này do một nhóm thực hiện: hãy chọn thành viên' : 'Thành viên không thuộc nhóm thực hiện');
}

function memberError(path: (string | number)[], message: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path, message }] });
}
