/**
 * `npx tsx tests/bench/titles-bench.ts [persons]`: one database with a million
 * people (default) across 50 communes × 20 hamlets, and the timings an officer
 * feels on the subjects page: a diacritic-free name search and a filtered
 * list page (a commune's people in name order), each p50/p95 over 500 queries
 * through the real dispatcher. Rows are bulk-inserted for setup speed; the
 * queries are the product's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { foldText } from '../../shared/text.js';
import { composeApp } from '../../main/app/compose.js';
import { dispatch } from '../../main/app/dispatch.js';
import { newId } from '../../main/db/ids.js';
import { inTransaction } from '../../main/db/records.js';
import { setUpOffice } from '../../main/office/index.js';
import { createUnitInTx } from '../../main/units/index.js';

const PERSONS = Number(process.argv[2] ?? 1_000_000);
const IMPORT_ROWS = 100_000;
const COMMUNES = 50;
const HAMLETS = 20;
const QUERIES = 500;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Vũ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Đinh', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Ngọc', 'Minh', 'Thanh', 'Kim', 'Quốc', 'Đức', 'Thu', 'Hoài', 'Bảo'];
const GIVEN = ['An', 'Ấn', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hùng', 'Khoa', 'Lan', 'Lộc', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Tài', 'Thảo', 'Tâm', 'Trí', 'Tuấn', 'Vy', 'Yến'];

let state = 20261204;
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const dir = mkdtempSync(join(tmpdir(), 'xhht-bench-titles-'));
try {
  const ctx = await composeApp(dir, { actor: 'bench' });
  const office = await setUpOffice(ctx, { name: 'Phòng GD&ĐT', code: '870', level: 'huyen', territoryName: 'Tân Hồng', territoryType: 'Huyện', territoryCode: '870', provinceName: 'Đồng Tháp' });
  const hamlets: { id: string; communeId: string }[] = [];
  await inTransaction(ctx, async (tx) => {
    for (let c = 0; c < COMMUNES; c++) {
      const commune = await createUnitInTx(tx, ctx, { parentId: office.rootUnitId, code: `X${c}`, name: `Xã ${c}`, type: 'Xã' });
      for (let h = 0; h < HAMLETS; h++) hamlets.push({ id: (await createUnitInTx(tx, ctx, { parentId: commune.id, code: `X${c}-${h}`, name: `Ấp ${h}`, type: 'Ấp' })).id, communeId: commune.id });
    }
  });
  const started = performance.now();
  const insert = ctx.sqlite.prepare(
    `INSERT INTO titleSubjects (id, originOfficeId, createdAt, updatedAt, rev, kind, name, nameFolded, unitId, communeId, gender, birthYear, idNumber)
     VALUES (?, ?, ?, ?, 1, 'person', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  ctx.sqlite.transaction(() => {
    for (let n = 0; n < PERSONS; n++) {
      const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      const hamlet = pick(hamlets);
      insert.run(newId(), office.id, at, at, name, foldText(name), hamlet.id, hamlet.communeId, n % 2 ? 'nu' : 'nam', 1940 + (n % 60), `0870${String(n).padStart(8, '0')}`);
    }
  })();
  ctx.sqlite.exec('ANALYZE');
  console.log(`${PERSONS.toLocaleString('vi-VN')} người: nạp ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The first queries after a bulk load read the file from disk and run cold code; an officer's open app is past that.
  const WARM_UP = 50;
  const time = async (label: string, inputOf: () => unknown) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < WARM_UP + QUERIES; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const envelope = await dispatch('subjects.list', inputOf(), ctx);
      const used = process.cpuUsage(c0);
      if (i >= WARM_UP) {
        wall.push(performance.now() - t0);
        cpu.push((used.user + used.system) / 1000);
      }
      if (!envelope.ok) throw new Error(envelope.error.message);
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // On a shared machine the wall time waits for a core; the CPU time is what the query itself costs.
    console.log(
      `${label}: p50 ${percentile(wall, 50).toFixed(2)} ms, p95 ${percentile(wall, 95).toFixed(2)} ms (CPU p50 ${percentile(cpu, 50).toFixed(2)}, p95 ${percentile(cpu, 95).toFixed(2)} ms; tải máy ${loadavg()[0]!.toFixed(1)})`,
    );
  };
  await time('Tìm tên không dấu ("nguyen van a")', () => ({ kind: 'person', search: foldText(`${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN).slice(0, 1)}`) }));
  await time('Tìm tên không dấu trong một xã', () => ({ kind: 'person', unitId: pick(hamlets).communeId, search: foldText(`${pick(FAMILY)} ${pick(MIDDLE)}`) }));
  await time('Trang danh sách của một xã (50 dòng, trang 1–20)', () => ({ kind: 'person', unitId: pick(hamlets).communeId, offset: 50 * Math.floor(random() * 20), limit: 50 }));
  await ctx.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A 100,000-row persons list (the national CDHT form's columns and the hamlet)
 * checked and then imported through the dispatcher, beside exceljs's streaming
 * read alone of the same file; each in its own process so each peak RSS is its own.
 */
async function writePersonsWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(['STT', 'CCCD', 'Họ tên', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Tôn giáo', 'Tỉnh', 'Xã', 'Ấp']).commit();
  for (let n = 0; n < IMPORT_ROWS; n++) {
    // Distinct by CCCD, and by name + birth year + hamlet: the hamlet follows n mod 1000, the year n / 1000,
    // and the name n mod 5616, so the two rows sharing a hamlet and a year (n, n + 60,000) differ by name.
    const name = `${FAMILY[n % FAMILY.length]} ${MIDDLE[Math.floor(n / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(n / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`;
    sheet.addRow([n + 1, `0871${String(n).padStart(8, '0')}`, name, n % 2 ? 'Nữ' : 'Nam', `${1 + (n % 28)}/${1 + (n % 12)}/${1940 + (Math.floor(n / 1000) % 60)}`, 'Kinh', 'Không', 'Đồng Tháp', `Xã số ${n % 50}`, `Ấp số ${Math.floor(n / 50) % 20}`]).commit();
  }
  sheet.commit();
  await book.commit();
}

function child(script: string, ...args: string[]): Record<string, unknown> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const out = execFileSync(process.execPath, [...process.execArgv, path, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

const importDir = mkdtempSync(join(tmpdir(), 'xhht-bench-titles-import-'));
try {
  const file = join(importDir, 'ca-nhan-100k.xlsx');
  await writePersonsWorkbook(file);
  const read = child('./import-bench-child.ts', 'read', file);
  mkdirSync(join(importDir, 'data'));
  const run = child('./titles-import-bench-child.ts', join(importDir, 'data'), file);
  const check = run.check as Record<string, number | string>;
  const write = run.write as Record<string, number | string>;
  const ms = (v: unknown) => `${Number(v).toFixed(0)} ms`;
  console.log(`Nhập danh sách ${IMPORT_ROWS.toLocaleString('vi-VN')} người (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB .xlsx, cột phần mềm CDHT + Ấp), tiến trình riêng:`);
  console.log(`  exceljs đọc luồng, riêng      ${ms(read.ms)}   CPU ${ms(read.cpuMs)}   RSS đỉnh ${String(read.peakRssMb)} MB`);
  console.log(`  kiểm tra (chạy thử)           ${ms(check.ms)}   CPU ${ms(check.cpuMs)}   ${String(check.phase)}, ${String(check.rows)} dòng${check.message ? ` (${String(check.message)})` : ''}`);
  console.log(`  nhập (ghi tất cả)             ${ms(write.ms)}   CPU ${ms(write.cpuMs)}   ${String(write.phase)}, ${String(run.stored)} người đã lưu`);
  console.log(`  RSS đỉnh cả tiến trình nhập   ${String(run.peakRssMb)} MB (${String(run.baselineRssMb)} MB trước khi nhập)`);
  console.log(`  nhập / đọc exceljs            ${(Number(write.ms) / Number(read.ms)).toFixed(2)}× thời gian, ${(Number(write.cpuMs) / Number(read.cpuMs)).toFixed(2)}× CPU; tải máy ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  rmSync(importDir, { recursive: true, force: true });
}
