import { Form } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * When the year field changes to a year already recorded, fills the form with that year's values,
 * so "add a year" never silently overwrites figures the officer did not see.
 */
export function YearPrefill<T extends { year: number }>({ rows, pick }: { rows: T[]; pick: (row: T) => object }) {
  const form = Form.useFormInstance();
  const year = Form.useWatch('year', form) as number | undefined;
  const first = useRef(true);
  useEffect(() => {
    // The initial values already belong to the year the dialog opened with.
    if (first.current) {
      first.current = false;
      return;
    }
    const row = rows.find((r) => r.year === year);
    if (row) form.setFieldsValue(pick(row));
  }, [year, rows, pick, form]);
  return null;
}

export const currentYear = () => new Date().getFullYear();
