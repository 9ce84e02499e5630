import { Input } from 'antd';

/** The folded-text filter above a list: "gõ không dấu cũng được". */
export function FilterBox({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  return <Input.Search aria-label={label} placeholder={placeholder} allowClear value={value} onChange={(e) => onChange(e.target.value)} style={{ maxWidth: 460 }} />;
}
