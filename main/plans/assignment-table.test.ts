import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { buildAssignmentTableHtml } from './assignment-table.html.js';
import { issuerBlock } from './assignment-table.service.js';

let app: TestApp;
afterEach(async () => {
  await (app.ctx.printer as { close?: () => Promise<void> }).close?.();
  await app.close();
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfFonts(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'xhht-pdf-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdffonts', [join(dir, 'a.pdf')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('plans.printAssignments', () => {
  it('prints the Tân Hồng assignment table as an A4 landscape PDF with Tinos embedded', async () => {
    app = await createTestApp({ today: '2022-01-01' });
    const plan = await app.call('templates.importBundled', { name: 'tan-hong-2021-2030' });
    const { fileName, pdfBase64 } = await app.call('plans.printAssignments', { id: plan.id });
    const pdf = Buffer.from(pdfBase64, 'base64');
    expect(fileName).toMatch(/^bang-phan-cong-.*\.pdf$/);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const text = pdfText(pdf);
    expect(text).toContain('BẢNG PHÂN CÔNG NHIỆM VỤ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('UBND HUYỆN TÂN HỒNG');
    expect(text).toContain('Hội Cựu chiến binh');
    expect(text).toContain('Quý IV năm 2021');
    const fonts = pdfFonts(pdf);
    expect(fonts).toMatch(/Tinos/);
    expect(fonts).toMatch(/Tinos-Bold|Tinos.*Bold/);
    expect(fonts).not.toMatch(/Type 3/);
  });
});

describe('buildAssignmentTableHtml', () => {
  it('numbers task rows then component plans, and escapes text', () => {
    const row = { content: 'A <b>', lead: 'Phòng GD&ĐT', coordinators: '', completion: 'Năm 2022' };
    const html = buildAssignmentTableHtml({ issuer: 'UBND HUYỆN TÂN HỒNG', attachedTo: '(Kèm theo …)', planTitle: 'T', tasks: [row], components: [row] }, '');
    expect(html).toContain('<td class="stt">2</td><td>A &lt;b&gt;</td><td>Phòng GD&amp;ĐT</td>');
    expect(html).toContain('size: A4 landscape');
  });

  it.each([
    ['Ủy ban nhân dân huyện Tân Hồng', 'UBND HUYỆN TÂN HỒNG'],
    ['Sở Y tế Tây Ninh', 'SỞ Y TẾ TÂY NINH'],
  ])('prints issuer %s as %s', (issuer, expected) => {
    expect(issuerBlock(issuer)).toBe(expected);
  });
});
