import { Input } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { dateProblem, parseDateVi } from '../../shared/dates';

const DISPLAY = 'DD/MM/YYYY';

/** What the officer typed behind a value that is not a date, so the rule can quote it. */
const typedText = new WeakMap<Dayjs, string>();

function notADate(text: string): Dayjs {
  const value = dayjs(Number.NaN);
  typedText.set(value, text);
  return value;
}

export interface DateInputProps {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/**
 * A date typed the way officers type it: 6/10/2021, 06/10/2021 or 06-10-2021.
 * An impossible day (31/02/2026) stays in the box and the form refuses it with
 * a message (dateRules), instead of the picker silently dropping it; Enter
 * tidies the text and never submits the form.
 */
export function DateInput({ id, value, onChange, style, ...aria }: DateInputProps) {
  const [text, setText] = useState(() => textOf(value));
  // A value set from outside (the form's initial values, a reset) shows; what is being typed is kept.
  useEffect(() => {
    if (value === undefined || value === null) {
      if (parseDateVi(text) !== null) setText('');
    } else if (value.isValid() && parseDateVi(text) !== value.format('YYYY-MM-DD')) setText(value.format(DISPLAY));
    // Only a new value from outside should change the text.
  }, [value]);
  const tidy = () => {
    const iso = parseDateVi(text);
    if (iso) setText(dayjs(iso).format(DISPLAY));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    tidy();
  };
  return (
    <Input
      id={id}
      {...aria}
      value={text}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      maxLength={20}
      style={{ width: 140, ...style }}
      onKeyDown={onKeyDown}
      onBlur={tidy}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        const iso = parseDateVi(typed);
        onChange?.(typed.trim() === '' ? null : iso ? dayjs(iso) : notADate(typed));
      }}
    />
  );
}

function textOf(value: Dayjs | null | undefined): string {
  if (!value) return '';
  return value.isValid() ? value.format(DISPLAY) : (typedText.get(value) ?? '');
}

/** Form rules of a DateInput: refuses what is not a real day, naming what was typed; `required` adds its message. */
export function dateRules(required?: string): Rule[] {
  return [
    ...(required ? [{ required: true, message: required }] : []),
    {
      validator: async (_rule, value: Dayjs | null | undefined) => {
        if (!value || value.isValid()) return;
        throw new Error(dateProblem(typedText.get(value) ?? '') ?? 'Ngày không hợp lệ');
      },
    },
  ];
}
