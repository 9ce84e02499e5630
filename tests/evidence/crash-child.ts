/**
 * Child process of crash.test.ts: attaches files of random content and size to
 * one task, forever, until the test kills it with SIGKILL at a random moment.
 */
import { randomBytes } from 'node:crypto';
import { composeApp } from '../../main/app/compose.js';
import { attachStaged } from '../../main/evidence/evidence.service.js';
import { storeOf } from '../../main/evidence/store.js';

const [dataDir, taskId] = process.argv.slice(2) as [string, string];
const ctx = await composeApp(dataDir, { actor: 'crash-child' });
const store = storeOf(ctx.dataDir);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const size = 64 * 1024 + Math.floor(Math.random() * 3 * 1024 * 1024);
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  for (let left = size; left > 0; left -= 256 * 1024) chunks.push(randomBytes(Math.min(left, 256 * 1024)));
  const staged = await store.receive(chunks, `Tệp ${i}.pdf`, 1024 * 1024 * 1024);
  await attachStaged(ctx, { recordTable: 'tasks', recordId: taskId, files: [{ stagedId: staged.stagedId, name: staged.name }] });
}
