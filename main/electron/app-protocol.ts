import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../transport/security-policy.js';
import { readStaticFile } from '../transport/static-files.js';
import { APP_ORIGIN } from './origin.js';

export { APP_ORIGIN };


/** Serves the built renderer from app://xhht/, only files inside its folder (realpath allow-list). */
export function registerAppProtocol(rendererRoot: string, route: (request: Request) => Promise<Response> | null = () => null): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    // Evidence bytes beside the JSON ops (upload, preview), answered by main.
    const routed = url.host === 'xhht' ? route(request) : null;
    if (routed) return routed;
    const file = url.host === 'xhht' ? readStaticFile(rendererRoot, url.pathname) : null;
    if (!file) return new Response('Không tìm thấy', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  });
}
