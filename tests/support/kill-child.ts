import { spawn } from 'node:child_process';
import { workerFile } from '../../main/jobs/index.js';

/**
 * Runs a TypeScript script in a child process and, if asked, kills it with
 * SIGKILL a given time after its first line on stderr (the moment its real
 * work starts). With `bundled`, the script runs from its esbuild bundle (the
 * workers' cache, main/jobs/worker-file.ts): a start in a fraction of a second
 * instead of seconds under tsx, so tests can afford dozens of kills.
 */

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From the first line on stderr to the end: the work itself, without the process start. */
  workMs: number;
}

export interface ChildOptions {
  killAfter?: number;
  env?: Record<string, string>;
  bundled?: boolean;
}

export function runChild(script: string, args: string[], options: ChildOptions = {}): Promise<ChildRun> {
  const entry = options.bundled ? [workerFile({ source: new URL(`../../${script}`, import.meta.url), bundled: '' })] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, [...entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  let workStart: number | null = null;
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
    if (workStart !== null) return;
    workStart = Date.now();
    if (options.killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), options.killAfter);
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr, workMs: Date.now() - (workStart ?? Date.now()) })));
}
