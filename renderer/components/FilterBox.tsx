import { Input } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * The ✖ inside a text box: named in Vietnamese for screen readers, and left out
 * of the Tab order so Tab then Enter cannot wipe what was typed; Esc clears instead.
 */
export const CLEAR_BUTTON = { clearIcon: <span aria-label="Xóa nội dung đã gõ">✖</span> };

/** The folded-text filter above a list: "gõ không dấu cũng được". Esc empties it. */
export function FilterBox({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  const wrapper = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    for (const button of wrapper.current?.querySelectorAll<HTMLButtonElement>('button.ant-input-clear-icon') ?? []) button.tabIndex = -1;
  });
  return (
    <span ref={wrapper} style={{ display: 'block', maxWidth: 460 }}>
      <Input.Search
        aria-label={label}
        placeholder={placeholder}
        allowClear={CLEAR_BUTTON}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.stopPropagation();
            onChange('');
          }
        }}
      />
    </span>
  );
}
