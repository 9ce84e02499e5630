/**
 * A backup in a child process that loads only the backup code (the whole CLI
 * takes seconds to start under tsx): the kill test runs it twenty times.
 * Prints one line when the work starts, so kills land in the work, not the start.
 */
import { writeBackup } from '../../main/backup/write-backup.js';

const [dataDir, outFile] = process.argv.slice(2) as [string, string];
process.stderr.write('start\n');
await writeBackup({ dataDir, outFile, passphrase: null, now: new Date() });
