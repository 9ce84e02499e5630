// Opens the desktop app; where the Electron runtime is missing, says so in one line and serves the app to a browser instead.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}
if (typeof electronBinary === 'string') {
  const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Máy này không có Electron runtime: mở XHHT trong trình duyệt với dữ liệu mẫu (.data/demo).');
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', 'serve', '--data-dir', '.data/demo', '--demo', '--port', process.env.PORT ?? '0'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
