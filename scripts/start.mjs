// Opens the desktop app; where the Electron runtime is missing, says so in one line and serves the app to a browser instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron binary if it is installed. Not require('electron'): that tries
 * to download a missing binary, which an offline office PC cannot.
 */
function installedElectron() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8'));
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electron = installedElectron();
const [command, args] = electron
  ? [electron, ['.']]
  : [process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', 'serve', '--data-dir', '.data/demo', '--demo', '--port', process.env.PORT ?? '0']];
if (!electron) console.log('Máy này không có Electron runtime: mở XHHT trong trình duyệt với dữ liệu mẫu (.data/demo).');
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
