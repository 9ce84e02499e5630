import { z } from 'zod';
import { certificatePrintOps } from './certificate-print.js';
import { IsoDate } from './dates.js';
import { XlsxFile } from './list-export.js';
import { mutation, query } from './op.js';
import { RevisedRef, SyncRowDto } from './sync-row.js';
import { TitleKind } from './titles-criteria.js';

/**
 * Certificates (giấy công nhận): the register per year and title, reprints,
 * revocation, offline verification of the signed QR and the trust list of
 * other offices' keys. The payload layout is in certificate-payload.ts.
 */

/** Short codes printed in register numbers ("12/2026/CDHT"). */
export const TITLE_REGISTER_CODES: Record<TitleKind, string> = {
  cong_dan: 'CDHT',
  gia_dinh: 'GDHT',
  dong_ho: 'DHHT',
  cong_dong: 'CDAP',
  cong_dong_xa: 'CDXA',
  don_vi: 'DVHT',
};

/** The number printed on the certificate and shown by the verifier: "12/2026/CDHT". */
export function registerNumberLabel(seq: number, year: number, title: TitleKind): string {
  return `${seq}/${year}/${TITLE_REGISTER_CODES[title]}`;
}

/** "a1b2 c3d4 e5f6 0718" — the key id (or a longer fingerprint) in groups of four, as officers read it aloud on the phone. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export const CertificateDto = SyncRowDto.extend({
  recognitionId: z.string(),
  decisionId: z.string(),
  evaluationId: z.string(),
  title: TitleKind,
  year: z.number().int(),
  registerSeq: z.number().int(),
  registerNumber: z.string(),
  holderName: z.string(),
  communeName: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  keyId: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  reprintCount: z.number().int(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string(),
});
export type CertificateDto = z.infer<typeof CertificateDto>;

export const ReprintDto = z.object({ id: z.string(), certificateId: z.string(), at: z.string(), actor: z.string(), reason: z.string() });
export type ReprintDto = z.infer<typeof ReprintDto>;

export const RegisterListInput = z.object({ year: z.number().int().optional(), title: TitleKind.optional() });
export const RegisterList = z.object({
  certificates: z.array(CertificateDto),
  /** Years and titles that have a register, for the filters. */
  registers: z.array(z.object({ year: z.number().int(), title: TitleKind, count: z.number().int() })),
});
export type RegisterList = z.infer<typeof RegisterList>;

const Reason = (what: string) => z.string().trim().min(3, `Ghi rõ lý do ${what} (ít nhất 3 ký tự)`).max(500, `Lý do ${what} quá dài`);

export const ReprintInput = RevisedRef.extend({ reason: Reason('cấp lại') });
export const RevokeInput = RevisedRef.extend({ reason: Reason('thu hồi'), date: IsoDate });

export const VerifyStatus = z.enum(['hop_le', 'chu_ky_sai', 'da_thu_hoi', 'khong_ro_don_vi', 'khong_doc_duoc']);
export type VerifyStatus = z.infer<typeof VerifyStatus>;
export const VERIFY_STATUS_LABELS: Record<VerifyStatus, string> = {
  hop_le: 'Hợp lệ',
  chu_ky_sai: 'Chữ ký sai',
  da_thu_hoi: 'Đã thu hồi',
  khong_ro_don_vi: 'Không rõ đơn vị cấp',
  khong_doc_duoc: 'Không đọc được mã',
};

export const SignedContent = z.object({
  keyId: z.string(),
  registerNumber: z.string(),
  holderName: z.string(),
  title: TitleKind,
  titleLabel: z.string(),
  year: z.number().int(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  officeCode: z.string(),
});
export type SignedContent = z.infer<typeof SignedContent>;

export const VerifyResult = z.object({
  status: VerifyStatus,
  /** One sentence saying why, naming the field or the key. */
  message: z.string(),
  /** What the payload says; shown as signed only when status is hop_le or da_thu_hoi. */
  content: SignedContent.nullable(),
  /** The issuer the key belongs to, when known. */
  issuer: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const TrustedKeyDto = SyncRowDto.extend({
  keyId: z.string(),
  fingerprint: z.string(),
  publicKey: z.string(),
  officeName: z.string(),
  officeCode: z.string(),
  note: z.string(),
});
export type TrustedKeyDto = z.infer<typeof TrustedKeyDto>;

export const TrustList = z.object({
  /** This office's own key, which needs no trust entry. */
  own: z.object({ keyId: z.string(), fingerprint: z.string(), publicKey: z.string(), officeName: z.string(), officeCode: z.string() }).nullable(),
  keys: z.array(TrustedKeyDto),
});
export type TrustList = z.infer<typeof TrustList>;

export const TrustAddInput = z.object({
  /** A PEM "PUBLIC KEY" block or the base64 of the SPKI DER, as the other office's XHHT shows it. */
  publicKey: z.string().trim().min(40, 'Dán khóa công khai (PEM hoặc base64) của đơn vị cấp').max(2000, 'Khóa công khai quá dài'),
  officeName: z.string().trim().min(3, 'Ghi tên đơn vị cấp').max(200, 'Tên đơn vị quá dài'),
  officeCode: z.string().trim().max(20, 'Mã cơ quan tối đa 20 ký tự').default(''),
  note: z.string().trim().max(500, 'Ghi chú quá dài').default(''),
});
export type TrustAddInput = z.input<typeof TrustAddInput>;

export const certificatesOps = {
  'certificates.list': query(RegisterListInput, RegisterList),
  /** The register as the page shows it (year, title) to .xlsx. */
  'certificates.export': query(RegisterListInput, XlsxFile),
  'certificates.reprints': query(z.object({ id: z.string() }), z.array(ReprintDto)),
  'certificates.logReprint': mutation(ReprintInput, CertificateDto, 'officer'),
  'certificates.revoke': mutation(RevokeInput, CertificateDto, 'officer'),
  'certificates.verify': query(z.object({ payload: z.string().max(4000, 'Mã dán vào quá dài') }), VerifyResult),
  'certificates.trustList': query(z.object({}), TrustList),
  'certificates.trustAdd': mutation(TrustAddInput, TrustedKeyDto, 'admin'),
  'certificates.trustRemove': mutation(RevisedRef, z.object({ id: z.string() }), 'admin'),
  ...certificatePrintOps,
} as const;
