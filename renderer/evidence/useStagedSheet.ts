import { useCallback, useEffect, useRef } from 'react';
import { callOrThrowAppError } from '../components/api';
import { UploadCancelled, uploadFile } from './evidence-transport';

const discard = (stagedId: string) => void callOrThrowAppError('evidence.discardStaged', { stagedIds: [stagedId] }).catch(() => undefined);

/**
 * The sheet an import dialog has staged through the upload route (purpose
 * `sheet`), so every step reads the same bytes. `abort` stops an upload in
 * flight; `release` also lets main drop the staged file at once instead of when
 * it expires, and runs on a new pick and when the dialog goes away.
 */
export function useStagedSheet(): { stage: (file: File) => Promise<string | null>; abort: () => void; release: () => void } {
  const upload = useRef<AbortController | null>(null);
  const staged = useRef<string | null>(null);

  const abort = useCallback(() => {
    upload.current?.abort();
    upload.current = null;
  }, []);
  const release = useCallback(() => {
    abort();
    const stagedId = staged.current;
    staged.current = null;
    if (stagedId) discard(stagedId);
  }, [abort]);
  useEffect(() => release, [release]);

  /** Uploads the file in place of the one staged before; null when it was aborted meanwhile. */
  const stage = async (file: File): Promise<string | null> => {
    release();
    const controller = new AbortController();
    upload.current = controller;
    try {
      const { stagedId } = await uploadFile(file, () => undefined, controller.signal, 'sheet');
      // Aborted or replaced after the last byte had gone: this file is no longer wanted.
      if (upload.current !== controller) {
        discard(stagedId);
        return null;
      }
      upload.current = null;
      staged.current = stagedId;
      return stagedId;
    } catch (error) {
      if (error instanceof UploadCancelled) return null;
      throw error;
    }
  };
  return { stage, abort, release };
}
