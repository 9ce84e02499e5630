// A child process for tests/first-run/data-dir-lock.test.ts: opens a data folder
// the way every XHHT process does, says "ready", and keeps it open until killed.
import { composeApp } from '../../main/app/compose.js';

await composeApp(process.argv[2]!, { printer: { printToPdf: () => Promise.reject(new Error('no printing in this child')) } });
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
