import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import { setUpOffice } from '../../main/office/index.js';
import { seedRecognitions } from '../fixtures/recognitions.js';
import { TAN_HONG_OFFICE } from '../support/test-app.js';

const work = mkdtempSync(join(tmpdir(), 'xhht-cli-print-'));
const dataDir = join(work, 'data');

function xhht(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/xhht.ts', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('xhht print-certificates', () => {
  beforeAll(async () => {
    const ctx = await composeApp(dataDir, { actor: 'kiểm thử' });
    await setUpOffice({ ...ctx, operation: 'init' }, { ...TAN_HONG_OFFICE, provinceName: 'Đồng Tháp' });
    await seedRecognitions(ctx, 5, { number: '15/QĐ-UBND' });
    await ctx.close();
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints a decision to one PDF with progress on stderr, and its QR verifies with verify-certificate', () => {
    const out = join(work, 'giay.pdf');
    const result = xhht('print-certificates', '--data-dir', dataDir, '--year', '2025', '--title', 'Công dân học tập', '--decision', '15/QĐ-UBND', '--out', out);
    expect(result.stderr).toContain('Đã in 5/5 giấy');
    expect(result.code, result.stderr).toBe(0);
    expect(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]).toBe('5');
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', '-f', '5', '-l', '5', out, join(work, 'p5')]);
    const payload = execFileSync('zbarimg', ['-q', '--raw', join(work, 'p5.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const verified = xhht('verify-certificate', '--data-dir', dataDir, payload);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('5/2025/CDHT');
  }, 180_000);

  it('exits non-zero with a Vietnamese reason when nothing matches, and leaves no file', () => {
    const out = join(work, 'trong.pdf');
    const none = xhht('print-certificates', '--data-dir', dataDir, '--year', '2019', '--out', out);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('xhht: Không có đối tượng nào được công nhận theo quyết định cho năm 2019: không có giấy công nhận để in.\n');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it.each([
    [['--year', '2025', '--out', 'x.pdf'], /Không có giấy công nhận nào chưa in cho năm 2025: 5 giấy đã in trước đây/],
    [['--year', '2025'], /--out/],
    [['--out', 'x.pdf'], /--year/],
    [['--year', '2025', '--title', 'khong co', '--out', 'x.pdf'], /--title: không có danh hiệu "khong co"/],
    [['--year', '2025', '--out', 'x.docx'], /--out phải là tệp .pdf/],
  ])('refuses %j with its reason and exit 2', (args, reason) => {
    const result = xhht('print-certificates', '--data-dir', dataDir, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
  }, 60_000);
});
