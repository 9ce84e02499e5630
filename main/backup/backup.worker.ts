import { readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { backupTakenAt, backupsToKeep } from '../../shared/backup.js';
import { runJob } from '../jobs/index.js';
import { restoreBackup } from './read-backup.js';
import { PART_MARK, writeBackup } from './write-backup.js';

export type BackupWorkerInput =
  | { kind: 'backup'; dataDir: string; folder: string; fileName: string; passphrase: string | null; at: string }
  | { kind: 'restore'; file: string; passphrase: string | null; targetDir: string };

/** Part files of a backup that was killed: kept an hour in case one is still being written by another process. */
const STALE_PART_MS = 60 * 60 * 1000;

runJob<BackupWorkerInput>(async (input, progress, cancel) => {
  if (input.kind === 'restore') {
    const { manifest, targetDir } = await restoreBackup(input, progress, cancel);
    return { restoredTo: targetDir, officeName: manifest.officeName, createdAt: manifest.createdAt, entries: manifest.entries.length };
  }
  removeStaleParts(input.folder);
  const written = await writeBackup({ dataDir: input.dataDir, outFile: join(input.folder, input.fileName), passphrase: input.passphrase, now: new Date(input.at) }, progress, cancel);
  return { file: written.file, size: written.size, entries: written.entries, removedByRotation: rotate(input.folder) };
});

/** Grandfather–father–son rotation of the backups in the folder; other files are never touched. */
function rotate(folder: string): string[] {
  const names = readdirSync(folder);
  const keep = backupsToKeep(names);
  const removed: string[] = [];
  for (const name of names) {
    if (keep.has(name) || backupTakenAt(name) === null) continue;
    unlinkSync(join(folder, name));
    removed.push(name);
  }
  return removed;
}

function removeStaleParts(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith('.xhht-') || !name.includes(PART_MARK)) continue;
    const path = join(folder, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_PART_MS) rmSync(path, { force: true });
  }
}
