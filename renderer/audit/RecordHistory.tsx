import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS } from '../../shared/audit';
import { apiQuery } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { actorText, auditTime, ChangeList } from './ChangeList';

/** Every change of one record, newest first: who, when, what before → after. */
export function RecordHistory({ recordId }: { recordId: string }) {
  const history = useQuery(apiQuery('audit.history', { recordId }));
  return (
    <QueryView query={history}>
      {(entries) =>
        entries.length === 0 ? (
          <Empty description="Chưa có thay đổi nào được ghi." />
        ) : (
          <Timeline
            items={entries.map((e) => ({
              key: e.seq,
              children: (
                <div aria-label={`Thay đổi lúc ${auditTime(e.at)}`}>
                  <Typography.Text strong>{AUDIT_ACTION_LABELS[e.action]}</Typography.Text> · {auditTime(e.at)} · {actorText(e)}
                  <ChangeList entry={e} />
                </div>
              ),
            }))}
          />
        )
      }
    </QueryView>
  );
}

/** A "Lịch sử" link that opens the record's history beside the page. */
export function RecordHistoryButton({ recordId, name }: { recordId: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="link" aria-label={`Lịch sử: ${name}`} onClick={() => setOpen(true)}>
        Lịch sử
      </Button>
      <Drawer title={`Lịch sử thay đổi: ${name}`} open={open} onClose={() => setOpen(false)} size={520} destroyOnHidden>
        {open && <RecordHistory recordId={recordId} />}
      </Drawer>
    </>
  );
}
