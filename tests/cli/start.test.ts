import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-start-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * `npm start` where Electron cannot be fetched: an empty runtime folder (so an
 * Electron installed on this machine is not used), no download cache, and a
 * mirror that refuses connections — Electron's own installer fails at once.
 */
function startWithoutElectron(throughShell: boolean): { child: ChildProcess; dataDir: string; lines: string[]; url: Promise<string> } {
  const dataDir = join(tempDir(), 'data');
  const env = {
    ...process.env,
    XHHT_DATA_DIR: dataDir,
    PORT: '0',
    ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
    electron_config_cache: tempDir(),
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
  };
  // npm runs scripts through `sh -c`, which does not pass SIGTERM on to its child.
  const child = throughShell
    ? spawn('sh', ['-c', `"${process.execPath}" scripts/start.mjs`], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, ['scripts/start.mjs'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      const match = /^XHHT listening at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`start ended before serving:\n${lines.join('\n')}`)));
  });
  return { child, dataDir, lines, url };
}

async function isAnswering(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  );
}

async function untilStopped(url: string): Promise<void> {
  while (await isAnswering(url)) await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Waits until the server has let go of its data folder, that is until no process of it is left. */
async function untilFolderFree(dataDir: string): Promise<void> {
  for (;;) {
    try {
      await (await composeApp(dataDir, { printer: { printToPdf: () => Promise.reject(new Error('no printing')) } })).close();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'DB_BUSY') throw error;
    }
  }
}

describe('npm start on a machine that cannot fetch Electron', () => {
  it.each([
    ['sent to start itself', false],
    ['sent to the shell npm runs it in', true],
  ])('says why in one line, serves the demo, and SIGTERM %s stops the server', async (_name, throughShell) => {
    const started = startWithoutElectron(throughShell);
    const url = await started.url;
    expect(started.lines.some((l) => /^Không tải được Electron sau \d+ giây \(.+\)\.$/.test(l))).toBe(true);
    expect(started.lines.some((l) => l.startsWith('Máy này không có Electron runtime'))).toBe(true);
    expect(await isAnswering(url)).toBe(true);

    started.child.kill('SIGTERM');
    await untilStopped(url);
    await untilFolderFree(started.dataDir);
  }, 90_000);
});
