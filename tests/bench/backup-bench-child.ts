/** One backup or restore in its own process, so its peak RSS is its own: prints {ms, bytes, maxRssMb} as JSON. */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { restoreBackup } from '../../main/backup/read-backup.js';
import { writeBackup } from '../../main/backup/write-backup.js';

const [kind, source, target, passphrase] = process.argv.slice(2) as [string, string, string, string | undefined];
const started = performance.now();
if (kind === 'backup') await writeBackup({ dataDir: source, outFile: target, passphrase: passphrase ?? null, now: new Date() });
else await restoreBackup({ file: source, passphrase: passphrase ?? null, targetDir: target });
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, bytes: kind === 'backup' ? statSync(target).size : 0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
