import type { Envelope } from '../../shared/errors.js';

/** Carries one operation to main and brings back its envelope; the only thing that differs per transport. */
export type Transport = (op: string, input: unknown) => Promise<Envelope<unknown>>;

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser. */
    officeBridge?: { invoke(op: string, input: unknown, session: string | null): Promise<Envelope<unknown>> };
  }
}

export function ipcTransport(bridge: NonNullable<Window['officeBridge']>): Transport {
  return (op, input) => bridge.invoke(op, input, currentSession());
}

const TOKEN_KEY = 'xhht.token';
/** The session given at login (both transports send it with every call); kept for this tab or window only. */
const SESSION_KEY = 'xhht.session';
/** The header the HTTP host reads it from (main/transport/http-host.ts). */
const SESSION_HEADER = 'x-xhht-session';

export const currentSession = (): string | null => sessionStorage.getItem(SESSION_KEY);

export function rememberSession(token: string | null): void {
  if (token) sessionStorage.setItem(SESSION_KEY, token);
  else sessionStorage.removeItem(SESSION_KEY);
}

/**
 * The HTTP host prints its URL with the token in the fragment, which never
 * reaches a server log; keep it for this tab and drop it from the address bar.
 */
export function takeTokenFromLocation(): string {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  // Tests and scripts that logged in through the API hand their session over the same way.
  const session = /[#&]session=([A-Za-z0-9_-]+)/.exec(window.location.hash)?.[1];
  if (session) rememberSession(session);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + '#/');
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function sessionHeader(): Record<string, string> {
  const session = currentSession();
  return session ? { [SESSION_HEADER]: session } : {};
}

export function httpTransport(token: string): Transport {
  return async (op, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(op)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...sessionHeader() },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Không kết nối được với XHHT. Hãy kiểm tra chương trình còn đang chạy.' } };
    }
    if (response.status === 401) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Phiên làm việc đã hết hạn. Hãy mở lại địa chỉ mà XHHT in ra khi khởi động.' } };
    }
    return (await response.json()) as Envelope<unknown>;
  };
}
