// Opens the desktop app. Electron 45 fetches its runtime lazily, so after `npm ci` there is none yet: the first
// start runs Electron's own installer once (bounded wait). Where that fails (an offline machine), it says so in one
// line and serves the app with the demo territory to a browser instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The runtime is about 100 MB; a slow line gets five minutes, a dead one fails long before. */
const INSTALL_TIMEOUT_MS = 5 * 60 * 1000;
const PROGRESS_EVERY_MS = 30 * 1000;

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));

/** The Electron binary if it is installed. Not require('electron'): that throws when the binary is missing. */
function installedElectron() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

/** The one child running now (installer, Electron or serve): a stop signal goes to it, and we leave when it has. */
let current = null;
let stopping = false;

function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
  else process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// npm runs this script through `sh -c`, and sh does not pass SIGTERM on: when our parent is gone, stop as well.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 500).unref();

function run(command, args, options) {
  current = spawn(command, args, { cwd: ROOT, ...options });
  return current;
}

/** Runs Electron's installer once; the binary, or null with the reason already printed. */
async function installElectron() {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  console.log(`Đang tải Electron ${version} cho máy này (một lần, khoảng 100 MB, chờ tối đa 5 phút)…`);
  const started = Date.now();
  const installer = run(process.execPath, [join(electronDir, 'install.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_GET_NO_PROGRESS: '1' },
  });
  let output = '';
  const keep = (chunk) => (output = (output + chunk.toString('utf8')).slice(-4000));
  installer.stdout.on('data', keep);
  installer.stderr.on('data', keep);
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    installer.kill('SIGTERM');
  }, INSTALL_TIMEOUT_MS);
  const progress = setInterval(() => console.log(`… vẫn đang tải Electron (${Math.round((Date.now() - started) / 1000)} giây)`), PROGRESS_EVERY_MS);
  const code = await new Promise((resolve) => installer.once('exit', resolve));
  clearTimeout(deadline);
  clearInterval(progress);
  if (stopping) return null;
  const binary = code === 0 ? installedElectron() : null;
  if (binary) return binary;
  const reason = timedOut ? 'quá 5 phút' : (output.trim().split('\n').find((line) => line.trim()) ?? `mã thoát ${code}`).trim();
  console.log(`Không tải được Electron sau ${Math.round((Date.now() - started) / 1000)} giây (${reason}).`);
  return null;
}

const electron = installedElectron() ?? (await installElectron());
if (stopping) process.exit(0);
const dataDir = process.env.XHHT_DATA_DIR ?? '.data/demo';
if (!electron) console.log(`Máy này không có Electron runtime: mở XHHT trong trình duyệt với dữ liệu mẫu (${dataDir}).`);
const app = electron
  ? run(electron, ['.'], { stdio: 'inherit' })
  : run(process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', 'serve', '--data-dir', dataDir, '--demo', '--port', process.env.PORT ?? '0'], { stdio: 'inherit' });
app.on('exit', (code, signal) => process.exit(code ?? (signal && !stopping ? 1 : 0)));
