import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError, describeIssues } from '../../shared/errors.js';
import { DEFAULT_LEVEL_NAMES, unitTypesOfLevel } from '../../shared/office.js';
import { composeApp, DATABASE_FILE } from '../app/compose.js';
import type { AppContext } from '../app/context.js';
import { inTransaction } from '../db/records.js';
import { LOCK_FILE, LOCK_OWNER_FILE, lockDataDir } from '../app/data-dir-lock.js';
import { loadDemo } from '../demo/demo.service.js';
import { BackupArgs, RestoreArgs, applyPendingRestore, backupCommand, restoreCommand, startDailyBackups } from '../backup/index.js';
import { verifyFilesCommand } from '../evidence/index.js';
import { ReportArgs, reportCommand } from '../annual-report/index.js';
import { PrintCertificatesArgs, printCertificatesCommand, verifyCertificateCommand } from '../certificates/index.js';
import { loadOffice, setUpOffice } from '../office/index.js';
import { VerifyBundleArgs, verifyBundleCommand } from '../bundles/index.js';
import { ExportBundleArgs, ImportBundleArgs, exportBundleCommand, importBundleCommand } from '../bundles/index.js';
import { AdminArgs, ResetAdminArgs, createAdminFromArgs, createDemoAdmin, demoCredentialsLine, resetAdminWithKey } from '../accounts/index.js';
import { startHttpHost } from '../transport/http-host.js';
import { CliError, DataDirArgs, InitArgs, ServeArgs, parseCommandArgs, readCommandLine, territoryFromOfficeName } from './cli-args.js';

const HELP = `XHHT — quản lý xây dựng xã hội học tập

Cách dùng: npm run xhht -- <lệnh> [tùy chọn]

Lệnh:
  init    Thiết lập cơ quan (không hỏi lại)
          --data-dir THƯ_MỤC --office-name TÊN --office-code MÃ --level tinh|huyen|xa
          [--territory-name TÊN_ĐỊA_BÀN] [--territory-code MÃ] [--province TỈNH]
          [--admin-login TÊN [--admin-name HỌ_TÊN]] (tài khoản quản trị, mật khẩu trong biến môi trường XHHT_ADMIN_PASSWORD;
          không có thì lần mở đầu tiên hỏi)
  reset-admin  Đặt lại mật khẩu quản trị đã quên (cần tệp khóa riêng của cơ quan)
          --data-dir THƯ_MỤC --key-file THƯ_MỤC/keys/office-ed25519.pem --admin-login TÊN (mật khẩu mới trong XHHT_ADMIN_PASSWORD)
  demo    Tạo dữ liệu mẫu: huyện Tân Hồng (Đồng Tháp), 9 xã, thị trấn, ấp, khóm, cơ quan và kế hoạch
          --data-dir THƯ_MỤC (thư mục mới hoặc trống)
  serve   Chạy XHHT trong trình duyệt tại 127.0.0.1
          --data-dir THƯ_MỤC [--port SỐ] (0 = cổng trống bất kỳ) [--demo] (tạo dữ liệu mẫu nếu thư mục trống)
  verify-files  Kiểm tra toàn vẹn các tệp minh chứng (băm lại từng tệp); mã thoát 1 khi có tệp mất hoặc hỏng
          --data-dir THƯ_MỤC
  verify-certificate  Xác minh mã QR của giấy công nhận; mã thoát 0 chỉ khi hợp lệ
          --data-dir THƯ_MỤC 'XH1:…' (đặt mã trong dấu nháy đơn)
  print-certificates  In giấy công nhận ra một tệp PDF (cấp số vào sổ cho giấy chưa in); tiến độ in ra stderr
          --data-dir THƯ_MỤC --year NĂM [--title cong_dan|gia_dinh|dong_ho|cong_dong|cong_dong_xa|don_vi]
          [--decision SỐ_QUYẾT_ĐỊNH] --out TỆP.pdf [--reprint "LÝ DO"] (in lại cả giấy đã in, ghi là bản cấp lại)
  backup  Sao lưu dữ liệu, tệp minh chứng và khóa cơ quan vào một tệp (chạy được khi ứng dụng đang mở)
          --data-dir THƯ_MỤC --out TỆP.xhhtbak [--encrypt] (mật khẩu trong biến môi trường XHHT_BACKUP_PASSPHRASE)
  restore Khôi phục một bản sao lưu (dữ liệu cũ được giữ lại bên cạnh; mật khẩu trong XHHT_BACKUP_PASSPHRASE)
          --from TỆP.xhhtbak --data-dir THƯ_MỤC
  verify-bundle  Kiểm tra gói .xhht: cấu trúc BagIt, Payload-Oxum, mã băm, chữ ký Ed25519, phiên bản; mã thoát 0 chỉ khi hợp lệ
          [--data-dir THƯ_MỤC] (kiểm tra cả người gửi có trong danh sách tin cậy không) TỆP.xhht
  export-bundle  Xuất gói dữ liệu .xhht (BagIt, có chữ ký của cơ quan) để gửi cấp trên, cấp dưới
          --data-dir THƯ_MỤC --kind report|template|sync [--period NĂM] [--no-files] (không kèm tệp minh chứng)
          [--with-personal-data] (kèm số định danh cá nhân) --out TỆP.xhht
  import-bundle  Nhập gói dữ liệu .xhht: kiểm tra, chạy thử, rồi ghi trong một giao dịch; gói bị từ chối cũng được ghi
          vào danh sách gói đã nhận (kèm lý do), mã thoát 2
          --data-dir THƯ_MỤC TỆP.xhht [--dry-run] (chỉ xem, không ghi gì, kể cả danh sách gói đã nhận)
          [--trust] (tin cậy người gửi chưa có trong danh sách)
          [--on-conflict mine|theirs] [--force] (nhập lại gói đã nhập) [--json] (in một đối tượng JSON)
  report  Báo cáo kết quả thực hiện kế hoạch năm (Word, theo Nghị định 30/2020)
          --data-dir THƯ_MỤC --year NĂM --out TỆP.docx (báo cáo năm) | TỆP.xlsx (biểu thống kê)
  --help  In hướng dẫn này
`;

export const RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

async function run(argv: string[]): Promise<void> {
  const { command, values, operands } = readCommandLine(argv);
  switch (command) {
    case 'help':
    case undefined:
      process.stdout.write(HELP);
      return;
    case 'init':
      return init(parseCommandArgs(InitArgs.extend(AdminArgs.shape), values));
    case 'reset-admin':
      return resetAdmin(parseCommandArgs(ResetAdminArgs, values));
    case 'demo':
      return demo(parseCommandArgs(DataDirArgs, values)['data-dir']);
    case 'serve':
      return serve(parseCommandArgs(ServeArgs, values));
    case 'verify-files':
      if (!(await verifyFilesCommand(parseCommandArgs(DataDirArgs, values)['data-dir'], composeApp))) process.exitCode = 1;
      return;
    case 'backup':
      return backupCommand(parseCommandArgs(BackupArgs, values), process.stdout, process.stderr);
    case 'restore':
      return restoreCommand(parseCommandArgs(RestoreArgs, values), lockDataDir, process.stdout, process.stderr);
    case 'verify-bundle':
      if (!(await verifyBundleCommand(parseCommandArgs(VerifyBundleArgs, values), operands, composeApp, process.stdout, process.stderr))) process.exitCode = 1;
      return;
    case 'verify-certificate':
      if (!(await verifyCertificateCommand(parseCommandArgs(DataDirArgs, values)['data-dir'], operands, composeApp))) process.exitCode = 1;
      return;
    case 'export-bundle':
      return exportBundleCommand(parseCommandArgs(ExportBundleArgs, values), composeApp, process.stdout, process.stderr);
    case 'import-bundle':
      return importBundleCommand(parseCommandArgs(ImportBundleArgs, values), operands, composeApp, process.stdout, process.stderr);
    case 'report':
      return reportCommand(parseCommandArgs(ReportArgs, values), composeApp, process.stdout);
    case 'print-certificates':
      await printCertificatesCommand(parseCommandArgs(PrintCertificatesArgs, values), composeApp, process.stderr);
      return;
    default:
      throw new CliError(`không có lệnh "${command}" (xem --help)`);
  }
}

async function init(args: ReturnType<typeof InitArgs.parse> & ReturnType<typeof AdminArgs.parse>): Promise<void> {
  const ctx = await composeApp(args['data-dir']);
  try {
    const office = await setUpOffice({ ...ctx, operation: 'init' }, {
      name: args['office-name'],
      code: args['office-code'],
      level: args.level,
      territoryName: args['territory-name'] ?? territoryFromOfficeName(args['office-name']),
      territoryCode: args['territory-code'] ?? args['office-code'],
      territoryType: unitTypesOfLevel(DEFAULT_LEVEL_NAMES[args.level][0]!)[0]!,
      provinceName: args.province ?? '',
    });
    process.stdout.write(`Đã thiết lập ${office.name} (mã ${office.code}) tại ${ctx.dataDir}\n`);
    const admin = await createAdminFromArgs(ctx, args, process.env);
    if (admin) process.stdout.write(`Đã tạo tài khoản quản trị ${admin}\n`);
  } finally {
    await ctx.close();
  }
}

/** Recovery of a lost administrator password: proves possession of the office key, then sets the password. */
async function resetAdmin(args: ReturnType<typeof ResetAdminArgs.parse>): Promise<void> {
  const ctx = await composeApp(args['data-dir']);
  try {
    const login = await resetAdminWithKey(ctx, args, process.env);
    process.stdout.write(`Đã đặt lại mật khẩu và quyền quản trị cho tài khoản ${login}\n`);
  } finally {
    await ctx.close();
  }
}

/**
 * The demo territory and its administrator in one transaction: a kill between
 * the two would leave a demo nobody can log in to, which `serve --demo` then
 * keeps (it only loads the demo into a folder without an office).
 */
async function loadDemoWithAdmin(ctx: AppContext, onProgress?: (step: string) => void): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const inTx = { ...ctx, db: tx };
    await loadDemo(inTx, onProgress);
    await createDemoAdmin(inTx);
  });
}

async function demo(dataDir: string): Promise<void> {
  const refusal = `thư mục ${dataDir} đã có dữ liệu; hãy chọn thư mục mới hoặc trống cho dữ liệu mẫu`;
  if (hasForeignFiles(dataDir)) throw new CliError(refusal);
  const ctx = await composeApp(dataDir);
  try {
    if (await loadOffice(ctx.db)) throw new CliError(refusal);
    await loadDemoWithAdmin(ctx, (step) => process.stdout.write(`… ${step}\n`));
    process.stdout.write(`Đã tạo dữ liệu mẫu huyện Tân Hồng tại ${ctx.dataDir}\n${demoCredentialsLine()}\n`);
  } finally {
    await ctx.close();
  }
}

/**
 * Whether the folder holds anything but XHHT's own files. A folder with only
 * those and no office (a first run or a demo that was stopped part-way) may
 * still receive the demo; anything else is someone's data and is left alone.
 */
function hasForeignFiles(dir: string): boolean {
  const own = new Set([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-journal`, LOCK_FILE, LOCK_OWNER_FILE, 'keys', 'files']);
  return existsSync(dir) && readdirSync(dir).some((name) => !own.has(name));
}

/** How long `serve` may take to stop on SIGTERM or Ctrl+C before it exits regardless. */
const STOP_LIMIT_MS = 5000;

async function serve(args: ReturnType<typeof ServeArgs.parse>): Promise<void> {
  if (!existsSync(`${RENDERER_ROOT}/index.html`)) throw new CliError('chưa có giao diện đã build; hãy chạy: npm run build:renderer');
  const foreign = hasForeignFiles(args['data-dir']);
  const aside = existsSync(args['data-dir']) ? applyPendingRestore(args['data-dir'], new Date()) : null;
  if (aside) process.stdout.write(`Đã chuyển sang dữ liệu khôi phục; dữ liệu trước đó được giữ ở ${aside}\n`);
  const ctx = await composeApp(args['data-dir']);
  if (args.demo && !(await loadOffice(ctx.db))) {
    if (foreign) throw new CliError('thư mục dữ liệu đã có tệp khác nhưng chưa thiết lập; dùng thư mục trống cho --demo');
    await loadDemoWithAdmin(ctx);
  }
  const host = await startHttpHost(ctx, RENDERER_ROOT, args.port);
  process.stdout.write(`XHHT listening at ${host.url}\n`);
  if (args.demo) process.stdout.write(`${demoCredentialsLine()}\n`);
  const stopBackups = startDailyBackups(ctx);
  const stop = () => {
    stopBackups();
    // The host cuts its connections within a second; an operation that still has not finished by then is a bug, and the process must end anyway.
    setTimeout(() => {
      process.stderr.write(`xhht: máy chủ chưa dừng được sau ${STOP_LIMIT_MS / 1000} giây (còn thao tác chưa xong); buộc dừng\n`);
      process.exit(1);
    }, STOP_LIMIT_MS);
    void host.close().then(() => ctx.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`xhht: ${oneLine(error)}\n`);
  process.exit(error instanceof CliError || error instanceof AppError ? 2 : 1);
});

function oneLine(error: unknown): string {
  if (error instanceof AppError) return error.details.issues ? `${error.message} (${describeIssues(error.details.issues)})` : error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? 'lỗi không rõ';
  return String(error);
}
