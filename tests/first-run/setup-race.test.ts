import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, TAN_HONG_OFFICE } from '../support/test-app.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-race-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const KEY = ['keys', 'office-ed25519.pem'];

/** The public key (base64 SPKI DER) of the private key stored in the folder. */
function publicKeyOnDisk(dir: string): string {
  const privateKey = createPrivateKey(readFileSync(join(dir, ...KEY), 'utf8'));
  return createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
}

function storedOffices(dir: string): { publicKey: string }[] {
  const db = new Database(join(dir, 'xhht.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT publicKey FROM office').all() as { publicKey: string }[];
  } finally {
    db.close();
  }
}

function expectOneOfficeWithItsKey(dir: string): void {
  const offices = storedOffices(dir);
  expect(offices).toHaveLength(1);
  expect(publicKeyOnDisk(dir)).toBe(offices[0]!.publicKey);
  expect(readdirSync(join(dir, 'keys'))).toEqual(['office-ed25519.pem']);
}

interface Child {
  ready: Promise<unknown>;
  go(): void;
  outcome: Promise<string>;
}

function child(args: string[], waitsForGo: boolean): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: proc.stdout });
  let stdout = '';
  let stderr = '';
  lines.on('line', (line) => (stdout += `${line}\n`));
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const outcome = new Promise<string>((resolve) => proc.once('close', () => resolve(`${stdout}${stderr}`)));
  return {
    // A child that dies before it is ready must not leave the test waiting.
    ready: waitsForGo ? Promise.race([new Promise((resolve) => lines.once('line', resolve)), outcome]) : Promise.resolve(),
    go: () => proc.stdin.end('go\n'),
    outcome,
  };
}

function outcomeOf(printed: string): { ok: boolean; code?: string } {
  try {
    return JSON.parse(printed.trim().split('\n').at(-1)!) as { ok: boolean; code?: string };
  } catch {
    throw new Error(`the child did not finish its setup:\n${printed}`);
  }
}

describe('first run on one folder from two processes at once', () => {
  it('two setups released together leave one office and the key it records; the other is told it is already set up', async () => {
    // Each round starts two tsx processes (about 5 s on a busy 2-core machine).
    for (const via of ['service', 'dispatch']) {
      const dir = tempDir();
      const racers = [0, 1].map(() => child(['tests/support/setup-office-child.ts', dir, via], true));
      await Promise.all(racers.map((r) => r.ready));
      for (const r of racers) r.go();
      const outcomes = (await Promise.all(racers.map((r) => r.outcome))).map(outcomeOf);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.find((o) => !o.ok)).toMatchObject({ code: 'ALREADY_SET_UP' });
      expectOneOfficeWithItsKey(dir);
    }
  }, 120_000);

  it('two `init` commands started together leave one office and a readable key; the other says why it stopped', async () => {
    const dir = tempDir();
    const init = ['main/cli/xhht.ts', 'init', '--data-dir', dir, '--office-name', TAN_HONG_OFFICE.name, '--office-code', '870', '--level', 'huyen'];
    const outcomes = await Promise.all([child(init, false), child(init, false)].map((c) => c.outcome));
    expect(outcomes.filter((o) => o.includes('Đã thiết lập'))).toHaveLength(1);
    expect(outcomes.find((o) => !o.includes('Đã thiết lập'))).toMatch(/đang được một chương trình XHHT khác sử dụng|đã được thiết lập/);
    expectOneOfficeWithItsKey(dir);
  }, 60_000);

  it('reuses a key left by a setup that died before storing the office', async () => {
    const app = await createTestApp({ setUp: false });
    try {
      mkdirSync(join(app.dir, 'keys'));
      const orphan = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      writeFileSync(join(app.dir, ...KEY), orphan, { mode: 0o600 });
      const office = await app.call('office.setup', TAN_HONG_OFFICE);
      expect(readFileSync(join(app.dir, ...KEY), 'utf8')).toBe(orphan);
      expect(office.publicKey).toBe(publicKeyOnDisk(app.dir));
    } finally {
      await app.close();
    }
  });
});
