import { Button, Modal } from 'antd';
import { useState } from 'react';
import type { RecordPointer } from '../../shared/evidence';
import { EvidencePanel } from './EvidencePanel';

/** "Minh chứng" beside a record in a list (a task of the outline): opens the record's files in a dialog. */
export function EvidenceButton({ recordTable, recordId, recordName }: RecordPointer & { recordName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} aria-label={`Minh chứng: ${recordName}`}>
        Minh chứng
      </Button>
      <Modal title={`Minh chứng: ${recordName}`} open={open} onCancel={() => setOpen(false)} footer={null} width={900} destroyOnHidden>
        <EvidencePanel recordTable={recordTable} recordId={recordId} />
      </Modal>
    </>
  );
}
