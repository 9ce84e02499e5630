import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors.js';
import { composeApp } from '../app/compose.js';
import { applyPendingRestore, startDailyBackups } from '../backup/index.js';
import { registerAppProtocol, APP_ORIGIN } from './app-protocol.js';
import { desktopCertificateOps } from './certificates-desktop.js';
import { electronPrinter } from './electron-printer.js';
import { desktopEvidenceOps, evidenceProtocolRoute } from './evidence-desktop.js';
import { registerIpcHost } from './ipc-host.js';
import { isAppUrl } from './origin.js';
import { printHtmlWithDialog } from './print-window.js';

const bundleDir = dirname(fileURLToPath(import.meta.url));

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The renderer is our own code only: no remote content, no navigation, no new windows, no permissions. */
function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url) && !/^(devtools|blob|data):/.test(details.url) });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    title: 'XHHT',
    show: false,
    webPreferences: {
      preload: join(bundleDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession();
  const dataDir = join(app.getPath('userData'), 'data');
  // A restore chosen in settings last time takes effect now, before the data is opened.
  if (existsSync(dataDir)) applyPendingRestore(dataDir, new Date());
  const ctx = await composeApp(dataDir, { printer: electronPrinter() });
  const stopBackups = startDailyBackups(ctx);
  registerAppProtocol(join(bundleDir, '..', 'renderer'), evidenceProtocolRoute(ctx));
  registerIpcHost(ipcMain, ctx, { ...desktopEvidenceOps(ctx), ...desktopCertificateOps(ctx, printHtmlWithDialog) });
  createWindow();
  app.on('window-all-closed', () => {
    stopBackups();
    void ctx.close().then(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/** A failure to open (the data folder used by a `serve`, a database from a newer XHHT) is told in a dialog, then the app quits. */
function failToStart(error: unknown): void {
  const message = error instanceof AppError ? error.message : `XHHT không mở được: ${error instanceof Error ? error.message : String(error)}`;
  dialog.showErrorBox('XHHT', message);
  app.exit(1);
}

// One app per user: a second launch brings the open window forward instead of opening the same data twice.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  start().catch(failToStart);
} else {
  app.quit();
}
