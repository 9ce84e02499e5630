import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCertificateTemplate } from '../../shared/certificate-templates.js';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { seedRecognitions } from '../../tests/fixtures/recognitions.js';
import { printedFile, waitForPrint } from './print-jobs.js';
import { printFolder } from './print.js';

const work = mkdtempSync(join(tmpdir(), 'xhht-cert-print-'));
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });

/** The QR of one page, read the way a scanner would: the page rasterised at 150 dpi and decoded by zbar. */
function scanPage(file: string, page: number): string {
  const base = join(work, `scan-${page}`);
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, base]);
  const out = execFileSync('zbarimg', ['-q', '--raw', `${base}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim();
}

async function printAll(app: TestApp, input: Parameters<TestApp['call']>[1] & object) {
  const { jobId } = await app.call('certificates.print', input as never);
  const status = await waitForPrint(jobId);
  return { jobId, status };
}

describe('printing certificates', () => {
  let app: TestApp;
  let big: { decisionId: string; number: string };
  beforeAll(async () => {
    app = await createTestApp({ today: '2026-01-10' });
    big = await seedRecognitions(app.ctx, 1000, { number: '1000/QĐ-UBND' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('prints a decision of 1,000 recognitions as one PDF of 1,000 pages whose QR codes scan and verify, first to last', async () => {
    const { jobId, status } = await printAll(app, { decisionId: big.decisionId });
    expect(status.phase, status.message ?? '').toBe('done');
    expect(status.result).toMatchObject({ pages: 1000, reprints: 0 });
    const file = printedFile(jobId);
    expect(pdfPages(file)).toBe(1000);
    for (const page of [1, 2, 199, 200, 201, 637, 999, 1000]) {
      const payload = scanPage(file, page);
      expect(payload.startsWith('XH1:'), `page ${page}: ${payload}`).toBe(true);
      const verdict = await app.call('certificates.verify', { payload });
      expect(verdict.status, `page ${page}: ${verdict.message}`).toBe('hop_le');
      // Numbers are given in annex order, so page n carries number n of the register.
      expect(verdict.content?.registerNumber).toBe(`${page}/2025/CDHT`);
      expect(pageText(file, page)).toContain(`Số vào sổ: ${page}/2025/CDHT`);
    }
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/Tinos-Bold\s+CID TrueType/);
    expect(fonts).toMatch(/Tinos-Regular\s+CID TrueType/);
    expect(fonts).not.toMatch(/Type 3/);
  }, 300_000);

  it('prints nothing twice without a reason, and a reprint keeps its number, says "Bản cấp lại" and is logged', async () => {
    const refused = await app.fail('certificates.print', { decisionId: big.decisionId });
    expect(refused.message).toContain('1000 giấy đã in trước đây');
    const small = await seedRecognitions(app.ctx, 3, { number: '3/QĐ-UBND' });
    const first = await printAll(app, { decisionNumber: small.number });
    expect(first.status.result).toMatchObject({ pages: 3, reprints: 0 });
    const firstPayload = scanPage(printedFile(first.jobId), 2);
    const again = await printAll(app, { decisionNumber: small.number, reprintReason: 'Người nhận làm mất bản cũ' });
    expect(again.status.result).toMatchObject({ pages: 3, reprints: 3 });
    const file = printedFile(again.jobId);
    expect(scanPage(file, 2)).toBe(firstPayload);
    expect(pageText(file, 2)).toContain('Bản cấp lại');
    expect(pageText(file, 2)).toContain('Số vào sổ: 1002/2025/CDHT');
    const register = await app.call('certificates.list', { year: 2025 });
    // The 3-person decision shares the 2025 register with the 1,000: its numbers follow on.
    const own = register.certificates.filter((c) => c.decisionNumber === small.number).map((c) => c.registerNumber).sort();
    expect(own).toEqual(['1001/2025/CDHT', '1002/2025/CDHT', '1003/2025/CDHT']);
    const reprints = await app.call('certificates.reprints', { id: register.certificates.find((c) => c.registerNumber === '1002/2025/CDHT')!.id });
    expect(reprints.map((r) => r.reason)).toEqual(['Người nhận làm mất bản cũ']);
  }, 120_000);

  it('says why when nothing matches, naming the filter', async () => {
    const error = await app.fail('certificates.print', { year: 2019 });
    expect(error.message).toBe('Không có đối tượng nào được công nhận theo quyết định cho năm 2019: không có giấy công nhận để in.');
  });

  it('stops when cancelled, removing the half-written file; the numbers given stay taken', async () => {
    const other = await seedRecognitions(app.ctx, 600, { year: 2024, number: '600/QĐ-UBND' });
    const { jobId } = await app.call('certificates.print', { decisionId: other.decisionId });
    await app.call('certificates.printCancel', { jobId });
    const status = await waitForPrint(jobId);
    expect(status.phase).toBe('cancelled');
    expect(readdirSync(printFolder(app.ctx.dataDir))).not.toContain(`${jobId}.pdf`);
    const register = await app.call('certificates.list', { year: 2024 });
    expect(register.certificates).toHaveLength(600);
  }, 120_000);

  it('previews without taking a number, in the same HTML the print uses', async () => {
    const fresh = await seedRecognitions(app.ctx, 2, { year: 2023, number: '2/QĐ-UBND' });
    const [candidate] = (await app.call('certificates.candidates', { decisionId: fresh.decisionId })).items;
    const { html } = await app.call('certificates.preview', { recognitionId: candidate!.recognitionId });
    expect(html).toContain('(cấp khi in)');
    expect(html).toContain('Mã QR được tạo khi in');
    expect((await app.call('certificates.list', { year: 2023 })).certificates).toHaveLength(0);
    await printAll(app, { decisionId: fresh.decisionId });
    const printed = await app.call('certificates.preview', { recognitionId: candidate!.recognitionId });
    expect(printed.html).toContain('Số vào sổ: 1/2023/CDHT');
    expect(printed.html).toContain('<svg');
  }, 120_000);

  it('prints in the wording saved for the title', async () => {
    await app.call('certificates.saveTemplate', { ...defaultCertificateTemplate('cong_dan'), heading: 'GIẤY CHỨNG NHẬN', superiorBody: 'UBND huyện Tân Hồng' });
    const templates = await app.call('certificates.templates', {});
    expect(templates.find((t) => t.title === 'cong_dan')?.heading).toBe('GIẤY CHỨNG NHẬN');
    expect(templates.find((t) => t.title === 'gia_dinh')?.heading).toBe('GIẤY CÔNG NHẬN');
    const one = await seedRecognitions(app.ctx, 1, { year: 2022, number: '1/QĐ-UBND' });
    const { jobId } = await printAll(app, { decisionId: one.decisionId });
    const text = pageText(printedFile(jobId), 1);
    expect(text).toContain('GIẤY CHỨNG NHẬN');
    expect(text).toContain('UBND HUYỆN TÂN HỒNG');
  }, 120_000);
});
