import { existsSync, readdirSync } from 'node:fs';
import { VERIFY_STATUS_LABELS, type VerifyResult } from '../../shared/certificates.js';
import { formatDateVi } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import type { ReadDb } from '../db/records.js';
import { verifyCertificatePayload } from './verify.js';

/** The answer as the CLI prints it: the verdict first, then what was signed. */
export function describeVerification(result: VerifyResult): string {
  const lines = [`${VERIFY_STATUS_LABELS[result.status].toLocaleUpperCase('vi')}: ${result.message}`];
  const c = result.content;
  if (c) {
    lines.push(
      `  Số vào sổ:      ${c.registerNumber}`,
      `  Được công nhận: ${c.holderName}`,
      `  Danh hiệu:      ${c.titleLabel} năm ${c.year}`,
      `  Quyết định:     số ${c.decisionNumber} ngày ${formatDateVi(c.decisionDate)}`,
      `  Đơn vị cấp:     ${result.issuer ?? ''} — mã cơ quan ${c.officeCode}, khóa ${c.keyId}`,
    );
  }
  lines.push('Mã QR chứng minh giấy được in từ XHHT của đơn vị cấp; văn bản pháp lý là quyết định công nhận đã ký.');
  return `${lines.join('\n')}\n`;
}

type Opened = { db: ReadDb; close(): Promise<void> };

/** `xhht verify-certificate`: true only for a valid certificate (exit 0). */
export async function verifyCertificateCommand(dataDir: string, payloads: string[], open: (dir: string) => Promise<Opened>): Promise<boolean> {
  if (payloads.length === 0) throw new AppError('VALIDATION', 'thiếu mã cần xác minh: npm run xhht -- verify-certificate --data-dir THƯ_MỤC \'XH1:…\'');
  // Base45 has spaces and $ % * : an unquoted payload reaches us in pieces, and rejoining them would guess at the spaces.
  if (payloads.length > 1) throw new AppError('VALIDATION', 'mã bị tách thành nhiều phần: đặt cả mã trong dấu nháy đơn \'XH1:…\'');
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) throw new AppError('NOT_FOUND', `Không có dữ liệu XHHT trong ${dataDir}`);
  const ctx = await open(dataDir);
  try {
    const result = await verifyCertificatePayload(ctx.db, payloads[0]!);
    process.stdout.write(describeVerification(result));
    return result.status === 'hop_le';
  } finally {
    await ctx.close();
  }
}
