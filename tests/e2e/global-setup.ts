import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const INDEX = fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url));

/** Every test serves the built renderer: without it, stop once with the fix instead of failing each test. */
export default function globalSetup(): void {
  if (!existsSync(INDEX)) throw new Error(`Chưa có giao diện đã build (${INDEX}); hãy chạy: npm run build:renderer (npm run test:e2e tự làm việc này).`);
}
