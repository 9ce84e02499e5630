import { useQuery } from '@tanstack/react-query';
import type { OfficeDto } from '../../shared/office';
import { apiQuery } from './api';

export const officeStatusQuery = () => apiQuery('office.status', {});

/** The office; only used inside the layout, which renders once the office exists. */
export function useOffice(): OfficeDto | null {
  return useQuery(officeStatusQuery()).data?.office ?? null;
}
