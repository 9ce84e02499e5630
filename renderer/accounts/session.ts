import { useQuery } from '@tanstack/react-query';
import type { AccountDto } from '../../shared/accounts';
import { roleAllows, type Role } from '../../shared/op';
import { apiQuery } from '../components/api';

export const sessionQuery = () => apiQuery('session.current', {});

/** The logged-in account; pages render only once there is one. */
export function useAccount(): AccountDto | null {
  return useQuery(sessionQuery()).data?.account ?? null;
}

/** Whether the logged-in account may do what needs `role`: edit buttons show only when it may (the dispatcher refuses anyway). */
export function useCan(role: Role): boolean {
  return roleAllows(useAccount()?.role ?? null, role);
}
