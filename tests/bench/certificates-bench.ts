/**
 * Certificates to one PDF: 1,000 through the product's path (numbers in one
 * transaction, then Chromium prints parts of PRINT_PART_PAGES joined as they
 * come) — time, peak RSS of this process and of Chromium, file size — and
 * 10,000 the same way, to show memory stays flat with the count; beside it,
 * the same 1,000 certificates as a .docx made with the docx library and
 * converted by LibreOffice headless (installed here with apt when missing;
 * the bench only, never CI).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AlignmentType, Document, ImageRun, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import QRCode from 'qrcode';
import { composeApp } from '../../main/app/compose.js';
import type { AppContext } from '../../main/app/context.js';
import { issueForPrint, printToFile, PRINT_PART_PAGES, selectRecognitions, viewOf } from '../../main/certificates/print.js';
import type { IssuedCertificate } from '../../main/certificates/register.js';
import { setUpOffice } from '../../main/office/index.js';
import { formatDateVi, officialDateLine } from '../../shared/dates.js';
import { tinosFontFaces } from '../../main/printing/tinos-font.js';
import { seedRecognitions } from '../fixtures/recognitions.js';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** RSS of a process and all its descendants (Linux /proc), in bytes. */
function treeRss(pid: number, skipSelf = false): number {
  let total = 0;
  const visit = (p: number, self: boolean) => {
    if (!self) {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
        total += match ? Number(match[1]) * 1024 : 0;
      } catch {
        return;
      }
    }
    let children: string[] = [];
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) children = children.concat(readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    } catch {
      return;
    }
    for (const child of children) visit(Number(child), false);
  };
  visit(pid, skipSelf);
  return total;
}

/** Samples peak RSS every 50 ms while `work` runs: of this process alone, and of its children (Chromium). */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; node: number; children: number }> {
  let node = process.memoryUsage().rss;
  let children = treeRss(process.pid, true);
  const timer = setInterval(() => {
    node = Math.max(node, process.memoryUsage().rss);
    children = Math.max(children, treeRss(process.pid, true));
  }, 50);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, node, children };
  } finally {
    clearInterval(timer);
  }
}

async function ourPrint(ctx: AppContext, decisionId: string, out: string, partPages: number) {
  const { ids } = await selectRecognitions(ctx.db, { decisionId });
  const issueStarted = performance.now();
  const issued = await issueForPrint(ctx, ids, undefined);
  const issueMs = performance.now() - issueStarted;
  const run = await peakRss(() => printToFile(ctx, issued, out, { documentTitle: 'Giấy công nhận (đo)', partPages }));
  return { issued, issueMs, ...run, pages: run.result, bytes: statSync(out).size };
}

/** The same certificates as a Word document: one landscape A4 section each, the same texts, the QR as a PNG. */
async function certificatesDocx(issued: readonly IssuedCertificate[]): Promise<Buffer> {
  const sections = [];
  for (const c of issued) {
    const v = viewOf(c);
    const qr = await QRCode.toBuffer(v.qrPayload, { errorCorrectionLevel: 'Q', margin: 4, scale: 4 });
    const line = (text: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}) =>
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: 'Times New Roman', size: (options.size ?? 13) * 2, bold: options.bold, italics: options.italics })] });
    sections.push({
      properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 900, bottom: 700, left: 1100, right: 1100 } } },
      children: [
        line(v.decisionAuthority.toLocaleUpperCase('vi'), { bold: true }),
        line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true }),
        line('Độc lập - Tự do - Hạnh phúc', { bold: true }),
        line('GIẤY CÔNG NHẬN', { bold: true, size: 30 }),
        ...(v.reprint ? [line('(Bản cấp lại)', { italics: true })] : []),
        line('Công nhận Ông (Bà):', { size: 15 }),
        line(v.holderName, { bold: true, size: 22 }),
        line(`Năm sinh: ${v.birthYear ?? ''}`, { size: 14 }),
        line(`Nơi cư trú: ${[v.hamlet, v.commune].filter(Boolean).join(', ')}`, { size: 14 }),
        line(`Đạt danh hiệu “${v.titleLabel}” năm ${v.year}`, { bold: true, size: 18 }),
        line(`(Theo Quyết định số ${v.decisionNumber} ngày ${formatDateVi(v.decisionDate)} của ${v.decisionAuthority})`, { italics: true }),
        line(`Số vào sổ: ${v.registerNumber}`, { bold: true }),
        new Paragraph({ alignment: AlignmentType.LEFT, children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 128, height: 128 } })] }),
        line(officialDateLine(v.place, v.issuedOn), { italics: true }),
        line(v.signerTitle.toLocaleUpperCase('vi'), { bold: true }),
        line(v.signerName, { bold: true }),
      ],
    });
  }
  return Packer.toBuffer(new Document({ sections }));
}

/** soffice on this machine, installing Debian's LibreOffice Writer with apt when missing; null with the reason when that fails. */
function libreOffice(): { path: string } | { problem: string } {
  const find = () => ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
  const found = find();
  if (found) return { path: found };
  const root = process.getuid?.() === 0;
  const apt = (args: string[]) => (root ? spawnSync('apt-get', args, { encoding: 'utf8' }) : spawnSync('sudo', ['-n', 'apt-get', ...args], { encoding: 'utf8' }));
  console.log('LibreOffice chưa có: đang cài libreoffice-writer-nogui bằng apt (chỉ cho phép đo này)…');
  apt(['update']);
  const install = apt(['install', '-y', '--no-install-recommends', 'libreoffice-writer-nogui']);
  const installed = find();
  if (installed) return { path: installed };
  return { problem: `apt không cài được LibreOffice (mã ${install.status}): ${(install.stderr || install.error?.message || '').trim().split('\n').at(-1) ?? ''}` };
}

async function libreOfficeConvert(soffice: string, docx: string, outDir: string) {
  const profile = mkdtempSync(join(tmpdir(), 'xhht-bench-lo-profile-'));
  try {
    const child = spawn(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'ignore' });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50);
    const started = performance.now();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearInterval(timer);
    return { ms: performance.now() - started, peak, code };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const pagesOf = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);

export async function runCertificatesBench(): Promise<string[]> {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'xhht-bench-cert-'));
  const ctx = await composeApp(join(dir, 'data'), { actor: 'bench' });
  try {
    await setUpOffice({ ...ctx, operation: 'init' }, { name: 'Phòng GD&ĐT huyện Đo Lường', code: 'B1', level: 'huyen', territoryName: 'Đo Lường', territoryType: 'Huyện', territoryCode: 'B1', provinceName: 'Đồng Tháp' });
    const thousand = await seedRecognitions(ctx, 1000, { year: 2025, number: '1000/QĐ-UBND' });
    const tenThousand = await seedRecognitions(ctx, 10_000, { year: 2024, number: '10000/QĐ-UBND' });

    const a = await ourPrint(ctx, thousand.decisionId, join(dir, 'xhht-1000.pdf'), PRINT_PART_PAGES);
    lines.push(
      `Giấy công nhận, XHHT: 1.000 giấy → một PDF ${a.pages} trang, in ${seconds(a.ms)} (cấp số vào sổ trước đó ${seconds(a.issueMs)}), ` +
        `RSS đỉnh: tiến trình ${mb(a.node)}, Chromium ${mb(a.children)}; tệp ${mb(a.bytes)} (phần ${PRINT_PART_PAGES} trang)`,
    );
    const b = await ourPrint(ctx, tenThousand.decisionId, join(dir, 'xhht-10000.pdf'), PRINT_PART_PAGES);
    lines.push(
      `Giấy công nhận, XHHT: 10.000 giấy → ${b.pages} trang, in ${seconds(b.ms)} (cấp số ${seconds(b.issueMs)}), ` +
        `RSS đỉnh: tiến trình ${mb(b.node)}, Chromium ${mb(b.children)}; tệp ${mb(b.bytes)}`,
    );
    // The same 1,000 as one Chromium print of one HTML: what printing without parts would cost.
    const reprint = await issueForPrint(ctx, (await selectRecognitions(ctx.db, { decisionId: thousand.decisionId, reprintReason: 'đo' })).ids, 'Đo thời gian in');
    const whole = await peakRss(() => printToFile(ctx, reprint, join(dir, 'xhht-1000-one-part.pdf'), { documentTitle: 'Đo', partPages: 1000 }));
    lines.push(`Giấy công nhận, XHHT in một lần cả 1.000 (không chia phần): ${seconds(whole.ms)}, RSS đỉnh Chromium ${mb(whole.children)}`);

    // Chromium's own floor on this machine: 1,000 pages of one line each, the same fonts, one print. No
    // certificate layout can print faster through Chromium, so it bounds what the HTML design can reach.
    const floorPages = Array.from({ length: 1000 }, (_, i) => `<div style="height:210mm;break-after:page;font-size:20pt;text-align:center">Nguyễn Văn An — số ${i + 1}</div>`);
    const floorHtml = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>${tinosFontFaces()} @page { size: A4 landscape; margin: 0 } body { margin: 0; font-family: 'Tinos', serif }</style></head><body>${floorPages.join('')}</body></html>`;
    const floorStarted = performance.now();
    await ctx.printer.printToPdf(floorHtml, { landscape: true });
    const floorMs = performance.now() - floorStarted;
    lines.push(`Giấy công nhận, mức sàn của Chromium: 1.000 trang chỉ một dòng chữ (cùng phông) in trong ${seconds(floorMs)}`);

    const soffice = libreOffice();
    if ('problem' in soffice) {
      lines.push(`Giấy công nhận, LibreOffice: không đo được — ${soffice.problem}. Chỉ có số đo của XHHT ở trên.`);
      return lines;
    }
    const docxStarted = performance.now();
    const docx = join(dir, 'giay-1000.docx');
    writeFileSync(docx, await certificatesDocx(a.issued));
    const docxMs = performance.now() - docxStarted;
    const lo = await libreOfficeConvert(soffice.path, docx, dir);
    const loPdf = join(dir, 'giay-1000.pdf');
    if (lo.code !== 0 || !existsSync(loPdf)) {
      lines.push(`Giấy công nhận, LibreOffice: chuyển .docx sang PDF không thành công (mã ${lo.code}).`);
      return lines;
    }
    lines.push(
      `Giấy công nhận, LibreOffice headless: .docx (thư viện docx, ${seconds(docxMs)}, ${mb(statSync(docx).size)}) → PDF ${pagesOf(loPdf)} trang trong ${seconds(lo.ms)}, ` +
        `RSS đỉnh ${mb(lo.peak)}, tệp ${mb(statSync(loPdf).size)}; XHHT nhanh hơn ${(lo.ms / a.ms).toFixed(1)} lần`,
      `Giấy công nhận, mục tiêu gấp 10 lần LibreOffice = ${seconds(lo.ms / 10)} cho 1.000 giấy; mức sàn của Chromium ở trên đã là ${seconds(floorMs)} (${((lo.ms / floorMs)).toFixed(1)} lần LibreOffice)`,
    );
    return lines;
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('certificates-bench.ts')) for (const line of await runCertificatesBench()) console.log(line);
