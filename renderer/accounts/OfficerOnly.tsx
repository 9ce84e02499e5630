import type { ReactNode } from 'react';
import { useCan } from './session';

/** Buttons that add, change or import: a read-only (xem) account does not see them; the dispatcher refuses such calls anyway. */
export function OfficerOnly({ children }: { children: ReactNode }) {
  return useCan('officer') ? <>{children}</> : null;
}
