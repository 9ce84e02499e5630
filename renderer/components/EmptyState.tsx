import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** Says that nothing is here yet and what to do next. */
export function EmptyState({ title, hint, action }: { title: string; hint?: ReactNode; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <div style={{ fontWeight: 500 }}>{title}</div>
          {hint && <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 4 }}>{hint}</div>}
        </div>
      }
    >
      {action}
    </Empty>
  );
}
