import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, expect, it } from 'vitest';
import { chromiumPrinter } from '../printing/chromium-printer.js';
import { QR_SIZE_MM, qrSvg } from './templates.js';

const work = mkdtempSync(join(tmpdir(), 'xhht-qr-'));
const printer = chromiumPrinter();
afterAll(async () => {
  await printer.close();
  rmSync(work, { recursive: true, force: true });
});

/** As long as a signed payload gets (issue 14: about 240 characters), in the Base45 alphabet. */
const payload = `XH1:${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'.repeat(6).slice(0, 236)}`;

/** The QR printed by Chromium at `sizeMm`, rasterised at `dpi` and read by zbar, as a scanner would. */
async function scanAt(sizeMm: number, dpi: number): Promise<string> {
  const svg = qrSvg(payload).replace(`width="${QR_SIZE_MM}mm" height="${QR_SIZE_MM}mm"`, `width="${sizeMm}mm" height="${sizeMm}mm"`);
  expect(svg).toContain(`width="${sizeMm}mm"`);
  const pdf = join(work, `qr-${sizeMm}.pdf`);
  writeFileSync(pdf, await printer.printToPdf(`<!doctype html><html><body style="margin:20mm">${svg}</body></html>`, { landscape: true }));
  const png = join(work, `qr-${sizeMm}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', pdf, png]);
  return execFileSync('zbarimg', ['-q', '--raw', `${png}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

it('draws a payload of 240 characters as a version 11 code at most, one path of stroked module runs', () => {
  expect(payload).toHaveLength(240);
  expect(QRCode.create(payload, { errorCorrectionLevel: 'Q' }).version).toBeLessThanOrEqual(11);
  const svg = qrSvg(payload);
  expect(svg.match(/<path /g)).toHaveLength(1);
  expect(svg.length).toBeLessThan(8000);
});

it.each([
  [QR_SIZE_MM, 150],
  [25, 150],
])('reads back from paper at %d mm, scanned at %d dpi', async (sizeMm, dpi) => {
  expect(await scanAt(sizeMm, dpi)).toBe(payload);
}, 60_000);
