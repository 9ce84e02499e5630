import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../shared/evidence.js';
import { aPlan } from '../../tests/support/plan-fixtures.js';
import { createTestApp } from '../../tests/support/test-app.js';
import { makePdf, makePng } from './demo-files.js';
import { storeOf } from './store.js';

const xhht = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', ...args], { encoding: 'utf8' });

describe('npm run xhht -- verify-files', () => {
  it('exits 0 on a whole store and 1, naming the file and its record, when a stored file was changed behind the app', async () => {
    const app = await createTestApp();
    const plan = await aPlan(app);
    const task = await app.call('tasks.create', { planId: plan.id, number: '3', text: 'Tổ chức hội thi' });
    const store = storeOf(app.ctx.dataDir);
    const pdf = await store.receive([makePdf(['hoi thi'])], 'Biên bản hội thi.pdf', 1e7);
    const png = await store.receive([makePng(32, 32)], 'Ảnh.png', 1e7);
    await app.call('evidence.attach', { recordTable: 'tasks', recordId: task.id, files: [pdf, png].map((f) => ({ stagedId: f.stagedId, name: f.name })) });
    await app.ctx.close();
    try {
      const whole = xhht('verify-files', '--data-dir', app.dir);
      expect(whole.stdout).toBe(`Đã kiểm tra 2 tệp (${formatBytes(pdf.size + png.size)}). Tất cả nguyên vẹn.\n`);
      expect(whole.status).toBe(0);
      expect(whole.stderr).toMatch(/Đang kiểm tra 2\/2 tệp/);

      const path = join(app.dir, 'files', 'sha256', pdf.sha256.slice(0, 2), pdf.sha256);
      writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('% sửa sau lưng ứng dụng\n')]));
      const broken = xhht('verify-files', '--data-dir', app.dir);
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain(`HỎNG ${pdf.sha256}\n  "Biên bản hội thi.pdf" — Nhiệm vụ: 3 Tổ chức hội thi`);

      const none = xhht('verify-files', '--data-dir', join(app.dir, 'khong-co'));
      expect(none.status).toBe(2);
      expect(none.stderr).toBe(`xhht: Không có dữ liệu XHHT trong ${join(app.dir, 'khong-co')}\n`);
    } finally {
      rmSync(app.dir, { recursive: true, force: true });
    }
  }, 60_000);
});
