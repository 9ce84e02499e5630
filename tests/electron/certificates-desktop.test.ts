import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../../main/app/printer.js';
import { dispatch } from '../../main/app/dispatch.js';
import { waitForPrint } from '../../main/certificates/print-jobs.js';
import { desktopCertificateOps } from '../../main/electron/certificates-desktop.js';
import { INVOKE_CHANNEL, registerIpcHost } from '../../main/electron/ipc-host.js';
import { seedRecognitions } from '../fixtures/recognitions.js';
import { createTestApp, officerSession, type TestApp } from '../support/test-app.js';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const appEvent = { senderFrame: { url: 'app://xhht/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;
(appEvent.sender as unknown as { mainFrame: unknown }).mainFrame = appEvent.senderFrame;

/**
 * Direct printing in the desktop app: its IPC host hands the finished print's
 * HTML to Electron's print dialog — here a stand-in that keeps the HTML, since
 * tests cannot load Electron (webContents.print itself is not run) — and the
 * HTTP host, which goes straight to the dispatcher, refuses the op.
 */
describe('certificates.printDirect', () => {
  let app: TestApp;
  let session: string;
  let decisionId: string;
  /** What the PDF path gave Chromium, and what the print dialog was given. */
  const toPdf: string[] = [];
  const toDialog: string[] = [];
  let invoke: (op: string, input: unknown) => Promise<unknown>;

  beforeAll(async () => {
    app = await createTestApp({ today: '2026-01-10' });
    const chromium = app.ctx.printer;
    const recording: PdfPrinter = { printToPdf: (html, options) => (toPdf.push(html), chromium.printToPdf(html, options)) };
    app.ctx.printer = recording;
    ({ decisionId } = await seedRecognitions(app.ctx, 3, { number: '3/QĐ-UBND' }));
    const listeners = new Map<string, Listener>();
    const desktop = desktopCertificateOps(app.ctx, async (html) => (toDialog.push(html), true));
    registerIpcHost({ handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as IpcMain, app.ctx, desktop);
    session = await officerSession(app);
    invoke = async (op, input) => listeners.get(INVOKE_CHANNEL)!(appEvent, op, input, session);
  }, 60_000);
  afterAll(() => app.close());

  it('hands the print dialog exactly the HTML the PDF was printed from, numbers and QR included', async () => {
    const { data } = (await invoke('certificates.print', { decisionId })) as { data: { jobId: string } };
    expect((await waitForPrint(data.jobId)).phase).toBe('done');
    expect(await invoke('certificates.printDirect', { jobId: data.jobId })).toEqual({ ok: true, data: { pages: 3 } });
    expect(toDialog).toHaveLength(1);
    const html = toDialog[0]!;
    expect(toPdf).toEqual([html]);
    expect(html.match(/<section class="cert">/g)).toHaveLength(3);
    for (const n of [1, 2, 3]) expect(html).toContain(`Số vào sổ: ${n}/2025/CDHT`);
    expect(html.match(/aria-label="Mã QR xác minh"/g)).toHaveLength(3);
    expect(html).toContain('@page { size: A4 landscape');
  }, 120_000);

  it('waits for the print to finish, and names a print it does not know', async () => {
    const { decisionId: later } = await seedRecognitions(app.ctx, 40, { year: 2024, number: '40/QĐ-UBND' });
    const { data } = (await invoke('certificates.print', { decisionId: later })) as { data: { jobId: string } };
    expect(await invoke('certificates.printDirect', { jobId: data.jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('chưa xong') } });
    await waitForPrint(data.jobId);
    expect(await invoke('certificates.printDirect', { jobId: 'khong-co' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 120_000);

  it('reaches no printer from a browser: the dispatcher refuses it', async () => {
    const envelope = await dispatch('certificates.printDirect', { jobId: 'bat-ky' }, { ...app.ctx, session });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/chỉ có trong ứng dụng XHHT trên máy tính/) } });
  });
});
