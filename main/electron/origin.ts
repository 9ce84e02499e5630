/** The origin the renderer is served from inside the app; IPC accepts calls only from it. */
export const APP_ORIGIN = 'app://xhht';

/**
 * Whether a URL is on the app's own origin: scheme, host and port all equal.
 * A prefix test would also accept "app://xhht.evil/" or "app://xhht:1/".
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'xhht' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
