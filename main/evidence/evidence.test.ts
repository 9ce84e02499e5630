import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, restoreRecord } from '../db/records.js';
import { aPlan } from '../../tests/support/plan-fixtures.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { makePdf, makePng } from './demo-files.js';
import { verifyEvidence } from './evidence.service.js';
import { EvidenceStore, replaceStore, storeOf, type WritableFile } from './store.js';

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.close());

const MB = 1024 * 1024;
const blobFiles = (dir: string) => readdirSync(join(dir, 'files', 'sha256'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
const stagingFiles = (dir: string) => readdirSync(join(dir, 'files', 'tmp'));
const count = (table: string) => app.ctx.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

async function stage(bytes: Buffer, name: string) {
  return storeOf(app.ctx.dataDir).receive([bytes], name, 200 * MB);
}

async function attach(recordTable: string, recordId: string, ...files: { stagedId: string; name: string }[]) {
  return app.call('evidence.attach', { recordTable, recordId, files: files.map((f) => ({ stagedId: f.stagedId, name: f.name })) });
}

async function planWithTasks() {
  const plan = await aPlan(app);
  const a = await app.call('tasks.create', { planId: plan.id, number: '1', text: 'Tuyên truyền về xã hội học tập' });
  const b = await app.call('tasks.create', { planId: plan.id, number: '2', text: 'Xây dựng mô hình gia đình học tập' });
  return { plan, a, b };
}

describe('the content-addressed store', () => {
  it('stores the same file on two records once, under its SHA-256', async () => {
    const { a, b } = await planWithTasks();
    const pdf = makePdf(['Bien ban hop trien khai']);
    await attach('tasks', a.id, await stage(pdf, 'Biên bản họp.pdf'));
    await attach('tasks', b.id, await stage(pdf, 'Biên bản họp (bản sao).pdf'));
    const [onA] = await app.call('evidence.list', { recordTable: 'tasks', recordId: a.id });
    const [onB] = await app.call('evidence.list', { recordTable: 'tasks', recordId: b.id });
    expect(onA!.sha256).toBe(onB!.sha256);
    expect(onA!.name).toBe('Biên bản họp.pdf');
    expect(onA!.mime).toBe('application/pdf');
    expect(onA!.size).toBe(pdf.length);
    expect(onA!.addedBy).toBe('kiểm thử');
    expect(blobFiles(app.dir)).toEqual([onA!.sha256]);
    expect(readFileSync(join(app.dir, 'files', 'sha256', onA!.sha256.slice(0, 2), onA!.sha256))).toEqual(pdf);
    expect(stagingFiles(app.dir)).toEqual([]);
  });

  it('refuses a file by its content, naming it, and keeps nothing of it', async () => {
    const error = await storeOf(app.ctx.dataDir)
      .receive([Buffer.from('MZ\x90\x00 a Windows program')], 'Báo cáo.pdf', 200 * MB)
      .catch((e: Error) => e);
    expect((error as Error).message).toBe('Tệp "Báo cáo.pdf" không thuộc loại được nhận làm minh chứng (PDF, JPG, PNG, WEBP, HEIC, DOC, DOCX, XLS, XLSX, ODT, ODS, MP4, ZIP).');
    expect(stagingFiles(app.dir)).toEqual([]);
  });

  it('refuses a file over the limit while it streams, and keeps nothing of it', async () => {
    const chunks = Array.from({ length: 3 }, () => Buffer.alloc(MB, 1));
    chunks[0]!.write('%PDF-1.4', 0, 'latin1');
    const error = await storeOf(app.ctx.dataDir).receive(chunks, 'Video lớp học.pdf', 2 * MB).catch((e: Error) => e);
    expect((error as Error).message).toBe('Tệp "Video lớp học.pdf" lớn hơn giới hạn 2 MB cho một minh chứng.');
    expect(stagingFiles(app.dir)).toEqual([]);
  });

  it('leaves the store and the database as they were when the disk fills during a write', async () => {
    const { a } = await planWithTasks();
    await attach('tasks', a.id, await stage(makePdf(['truoc']), 'Trước.pdf'));
    const blobsBefore = blobFiles(app.dir);
    const rowsBefore = count('evidenceFiles');
    // A disk that takes 1 MB and then reports ENOSPC, as a full disk does.
    let written = 0;
    const fullDisk = new EvidenceStore(join(app.dir, 'files'), {
      openForWrite: async (path): Promise<WritableFile> => {
        const { open } = await import('node:fs/promises');
        const file = await open(path, 'wx');
        return {
          write: async (chunk) => {
            written += chunk.length;
            if (written > MB) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            return file.write(chunk);
          },
          sync: () => file.sync(),
          close: () => file.close(),
        };
      },
    });
    replaceStore(app.ctx.dataDir, fullDisk);
    const big = Array.from({ length: 4 }, () => Buffer.alloc(MB / 2, 7));
    big[0]!.write('%PDF-1.4', 0, 'latin1');
    const error = await fullDisk.receive(big, 'Ảnh lớp học.pdf', 200 * MB).catch((e: Error) => e);
    expect((error as Error).message).toBe('Ổ đĩa đã đầy: không lưu được tệp "Ảnh lớp học.pdf". Không có gì được ghi; hãy giải phóng dung lượng rồi thử lại.');
    expect(stagingFiles(app.dir)).toEqual([]);
    expect(blobFiles(app.dir)).toEqual(blobsBefore);
    expect(count('evidenceFiles')).toBe(rowsBefore);
  });

  it('rolls the rows back when moving a file into the store fails', async () => {
    const { a } = await planWithTasks();
    const staged = await stage(makePng(8, 8), 'Ảnh.png');
    // The shard folder taken by a file makes the rename fail the way a full or read-only disk does.
    writeFileSync(join(app.dir, 'files', 'sha256', staged.sha256.slice(0, 2)), 'not a folder');
    const error = await app.fail('evidence.attach', { recordTable: 'tasks', recordId: a.id, files: [{ stagedId: staged.stagedId, name: 'Ảnh.png' }] });
    expect(error.code).toBe('INTERNAL');
    expect(count('evidenceFiles')).toBe(0);
    expect(app.ctx.sqlite.prepare("SELECT count(*) FROM auditLog WHERE entity = 'evidenceFiles'").pluck().get()).toBe(0);
  });
});

describe('attaching to any record', () => {
  it('attaches to a plan, a unit and a progress report without knowing them', async () => {
    const { plan, a } = await planWithTasks();
    const report = await app.call('tasks.reportProgress', { taskId: a.id, period: '2022', text: 'Đã tổ chức 12 buổi', status: 'in_progress', reportedOn: '2022-01-01' } as never);
    const root = (await app.call('office.status', {})).office!.rootUnitId;
    for (const [table, id] of [['plans', plan.id], ['units', root], ['taskProgress', report.id]] as const) {
      await attach(table, id, await stage(makePdf([table]), `${table}.pdf`));
      expect(await app.call('evidence.list', { recordTable: table, recordId: id })).toHaveLength(1);
    }
  });

  it('refuses an unregistered table, a local table, the evidence table itself and a deleted record', async () => {
    const { a } = await planWithTasks();
    const staged = await stage(makePdf(['x']), 'x.pdf');
    const file = [{ stagedId: staged.stagedId, name: 'x.pdf' }];
    expect((await app.fail('evidence.attach', { recordTable: 'secrets', recordId: a.id, files: file })).message).toBe('Loại bản ghi "secrets" không nhận minh chứng.');
    expect((await app.fail('evidence.attach', { recordTable: 'auditLog', recordId: a.id, files: file })).message).toBe('Loại bản ghi "auditLog" không nhận minh chứng.');
    expect((await app.fail('evidence.attach', { recordTable: 'evidenceFiles', recordId: a.id, files: file })).code).toBe('VALIDATION');
    await app.call('tasks.delete', { id: a.id, rev: a.rev });
    expect((await app.fail('evidence.attach', { recordTable: 'tasks', recordId: a.id, files: file })).message).toBe('Không tìm thấy nhiệm vụ để gắn minh chứng (có thể đã bị xóa).');
  });

  it('renames with NFC and refuses a stale rename', async () => {
    const { a } = await planWithTasks();
    const [file] = await attach('tasks', a.id, await stage(makePdf(['x']), 'x.pdf'));
    const renamed = await app.call('evidence.rename', { id: file!.id, rev: file!.rev, name: 'Bie\u0302\u0301n ba\u0309n.pdf' });
    expect(renamed.name).toBe('Biến bản.pdf');
    expect((await app.fail('evidence.rename', { id: file!.id, rev: file!.rev, name: 'y.pdf' })).code).toBe('STALE');
  });

  it('finds files on "Kho minh chứng" by a name typed without diacritics, by record and type, with the total size', async () => {
    const { a, b } = await planWithTasks();
    await attach('tasks', a.id, await stage(makePdf(['1']), 'Biên bản họp chi bộ.pdf'), await stage(makePng(16, 16), 'Ảnh lớp học cộng đồng.png'));
    await attach('tasks', b.id, await stage(makePdf(['2']), 'Kế hoạch tuyên truyền.pdf'));
    const found = await app.call('evidence.search', { text: 'bien ban' });
    expect(found.rows.map((r) => r.name)).toEqual(['Biên bản họp chi bộ.pdf']);
    expect(found.rows[0]!.recordLabel).toBe('Nhiệm vụ: 1 Tuyên truyền về xã hội học tập');
    expect((await app.call('evidence.search', { text: 'anh lop' })).rows.map((r) => r.name)).toEqual(['Ảnh lớp học cộng đồng.png']);
    expect((await app.call('evidence.search', { type: 'pdf' })).count).toBe(2);
    const onB = await app.call('evidence.search', { recordTable: 'tasks', recordId: b.id });
    expect(onB.rows.map((r) => r.name)).toEqual(['Kế hoạch tuyên truyền.pdf']);
    const all = await app.call('evidence.search', {});
    expect(all.count).toBe(3);
    expect(all.totalBytes).toBe(all.rows.reduce((s, r) => s + r.size, 0));
  });
});

describe('the trash', () => {
  it('moves a deleted record\'s files to the trash and brings them back with the record', async () => {
    const { plan, a, b } = await planWithTasks();
    const pdf = await stage(makePdf(['a']), 'Biên bản.pdf');
    await attach('tasks', a.id, pdf, await stage(makePng(8, 8, 1), 'Ảnh.png'));
    await attach('tasks', b.id, await stage(makePdf(['b']), 'Khác.pdf'));
    await app.call('tasks.delete', { id: a.id, rev: a.rev });
    expect(await app.call('evidence.list', { recordTable: 'tasks', recordId: a.id })).toEqual([]);
    const trash = await app.call('evidence.search', { trash: true });
    expect(trash.rows.map((r) => [r.name, r.recordDeleted]).sort()).toEqual([['Biên bản.pdf', true], ['Ảnh.png', true]]);
    // The other task's file is untouched, and no content left the disk.
    expect(await app.call('evidence.list', { recordTable: 'tasks', recordId: b.id })).toHaveLength(1);
    expect(blobFiles(app.dir)).toHaveLength(3);
    // A file cannot come back alone onto a deleted record.
    expect((await app.fail('evidence.restore', { id: trash.rows[0]!.id })).code).toBe('CONFLICT');
    const tombstoned = await app.ctx.db.selectFrom('tasks').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    await inTransaction(app.ctx, (tx) => restoreRecord(tx, app.ctx, 'tasks', tombstoned));
    expect((await app.call('evidence.list', { recordTable: 'tasks', recordId: a.id })).map((f) => f.name).sort()).toEqual(['Biên bản.pdf', 'Ảnh.png']);
    expect((await app.call('evidence.search', { trash: true })).count).toBe(0);
    // Deleting the plan takes its tasks' files to the trash too.
    await app.call('plans.delete', { id: plan.id, rev: plan.rev });
    expect((await app.call('evidence.search', { trash: true })).count).toBe(3);
  });

  it('detaches to the trash, restores, and purges content only when nothing else names it', async () => {
    const { a, b } = await planWithTasks();
    const bytes = makePdf(['chung']);
    const [onA] = await attach('tasks', a.id, await stage(bytes, 'Chung.pdf'));
    const [onB] = await attach('tasks', b.id, await stage(bytes, 'Chung.pdf'));
    await app.call('evidence.detach', { id: onA!.id, rev: onA!.rev });
    expect(await app.call('evidence.list', { recordTable: 'tasks', recordId: a.id })).toEqual([]);
    const restored = await app.call('evidence.restore', { id: onA!.id });
    expect(restored.rev).toBe(onA!.rev + 2);
    await app.call('evidence.detach', { id: onA!.id, rev: restored.rev });
    expect((await app.fail('evidence.purge', { ids: [onB!.id], confirmed: true })).message).toBe('Tệp "Chung.pdf" chưa ở trong thùng rác; hãy gỡ tệp trước khi xóa hẳn.');
    expect((await app.fail('evidence.purge', { ids: [onA!.id], confirmed: false as never })).code).toBe('VALIDATION');
    // The same content still belongs to task b: the file stays.
    expect(await app.call('evidence.purge', { ids: [onA!.id], confirmed: true })).toEqual({ purged: 1, freedBytes: 0 });
    expect(blobFiles(app.dir)).toEqual([onB!.sha256]);
    const onBNow = (await app.call('evidence.list', { recordTable: 'tasks', recordId: b.id }))[0]!;
    await app.call('evidence.detach', { id: onBNow.id, rev: onBNow.rev });
    expect(await app.call('evidence.purge', { ids: [onB!.id], confirmed: true })).toEqual({ purged: 1, freedBytes: bytes.length });
    expect(blobFiles(app.dir)).toEqual([]);
    expect((await app.fail('evidence.restore', { id: onB!.id })).message).toBe('Tệp không còn trong thùng rác.');
  });
});

describe('"Kiểm tra toàn vẹn"', () => {
  it('reports a file changed behind the app as corrupt and a deleted one as missing, with their records', async () => {
    const { a, b } = await planWithTasks();
    const [good] = await attach('tasks', a.id, await stage(makePdf(['tot']), 'Tốt.pdf'));
    const [changed] = await attach('tasks', a.id, await stage(makePdf(['doi']), 'Bị sửa.pdf'));
    const [gone] = await attach('tasks', b.id, await stage(makePng(4, 4), 'Mất.png'));
    expect((await app.call('evidence.verify', {})).problems).toEqual([]);
    const path = (sha: string) => join(app.dir, 'files', 'sha256', sha.slice(0, 2), sha);
    const bytes = readFileSync(path(changed!.sha256));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(path(changed!.sha256), bytes);
    rmSync(path(gone!.sha256));
    const progress: number[] = [];
    const report = await verifyEvidence(app.ctx, (p) => progress.push(p.doneFiles));
    expect(report.checkedFiles).toBe(3);
    expect(progress.at(-1)).toBe(3);
    const byName = Object.fromEntries(report.problems.map((p) => [p.files[0]!.name, { problem: p.problem, record: p.files[0]!.recordLabel }]));
    expect(byName).toEqual({
      'Bị sửa.pdf': { problem: 'corrupt', record: 'Nhiệm vụ: 1 Tuyên truyền về xã hội học tập' },
      'Mất.png': { problem: 'missing', record: 'Nhiệm vụ: 2 Xây dựng mô hình gia đình học tập' },
    });
    expect(good).toBeDefined();
  });
});
