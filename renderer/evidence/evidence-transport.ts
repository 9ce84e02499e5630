import { EVIDENCE_CONTENT_PATH, EVIDENCE_UPLOAD_PATH, type StagedFile, type UploadPurpose } from '../../shared/evidence';
import type { Envelope } from '../../shared/errors';
import { AppError } from '../../shared/errors';
import { sessionHeader } from '../api/transport';

/**
 * Bytes travel beside the JSON ops, on the same origin: the HTTP host in a
 * browser (with the session's token, which renderer/api keeps in
 * sessionStorage under this key), the app:// protocol in Electron (no token:
 * only the app's own window reaches it).
 */
const TOKEN_KEY = 'xhht.token';

function authHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token && !window.officeBridge ? { authorization: `Bearer ${token}`, ...sessionHeader() } : {};
}

export class UploadCancelled extends Error {}

/** Streams one file to the staging area with progress; `signal` aborts it, and main then keeps nothing of it. */
export function uploadFile(file: File, onProgress: (loaded: number) => void, signal: AbortSignal, purpose: UploadPurpose = 'evidence'): Promise<StagedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${EVIDENCE_UPLOAD_PATH}?name=${encodeURIComponent(file.name)}&purpose=${purpose}`);
    for (const [key, value] of Object.entries(authHeaders())) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      let envelope: Envelope<StagedFile>;
      try {
        envelope = JSON.parse(xhr.responseText) as Envelope<StagedFile>;
      } catch {
        reject(new AppError('INTERNAL', `Không tải được tệp "${file.name}" (mã ${xhr.status}).`));
        return;
      }
      if (envelope.ok) resolve(envelope.data);
      else reject(new AppError(envelope.error.code, envelope.error.message));
    };
    xhr.onerror = () => reject(new AppError('INTERNAL', `Mất kết nối khi tải tệp "${file.name}"; không có gì được lưu.`));
    xhr.onabort = () => reject(new UploadCancelled());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** The stored bytes of one evidence file, for a preview or a download. */
export async function fetchEvidence(id: string, download = false): Promise<Blob> {
  const response = await fetch(`${EVIDENCE_CONTENT_PATH}?id=${encodeURIComponent(id)}${download ? '&download=1' : ''}`, { headers: authHeaders() });
  if (!response.ok) {
    const envelope = (await response.json().catch(() => null)) as Envelope<never> | null;
    throw new AppError(envelope && !envelope.ok ? envelope.error.code : 'INTERNAL', envelope && !envelope.ok ? envelope.error.message : 'Không đọc được tệp.');
  }
  return response.blob();
}

export const isDesktop = () => Boolean(window.officeBridge);
