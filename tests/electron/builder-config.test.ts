import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Packaging cannot run here (electron-builder downloads Electron), so the fuses are checked in the configuration it reads.
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};

describe('electron-builder.yml', () => {
  it('flips the Electron fuses that keep the packaged app running only its own validated code', () => {
    const config = readFileSync('electron-builder.yml', 'utf8');
    const block = /^electronFuses:\n((?: {2}.*\n)+)/m.exec(config)?.[1] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1], m[2] === 'true']));
    expect(fuses).toMatchObject(REQUIRED_FUSES);
  });
});
