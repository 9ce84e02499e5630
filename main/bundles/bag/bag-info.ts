import { BundleKind } from '../../../shared/bundles.js';
import { OfficeCode } from '../../../shared/office.js';
import { parseTagFile } from './bagit-text.js';

const BUNDLE_KINDS: readonly string[] = BundleKind.options;

/** What bag-info.txt says about a bundle, beside the BagIt fields. */
export interface BagInfo {
  bundleId: string;
  kind: BundleKind;
  /** The sender's schema version: the id of its last migration. */
  schema: number;
  officeCode: string;
  officeName: string;
  period: string | null;
  /** yyyy-mm-dd */
  baggingDate: string;
}

const LABELS = {
  organization: 'Source-Organization',
  date: 'Bagging-Date',
  oxum: 'Payload-Oxum',
  id: 'External-Identifier',
  kind: 'XHHT-Kind',
  schema: 'XHHT-Schema',
  office: 'XHHT-Office',
  period: 'XHHT-Period',
} as const;

const BUNDLE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const PERIOD = /^[^\r\n]{1,40}$/;

/** The fields of bag-info.txt in the order written; throws on a BagInfo no reader would accept (a caller's bug). */
export function bagInfoFields(info: BagInfo, oxum: string): [string, string][] {
  const problem = infoProblem(info);
  if (problem) throw new Error(`bag info: ${problem}`);
  const fields: [string, string][] = [
    [LABELS.organization, info.officeName],
    [LABELS.date, info.baggingDate],
    [LABELS.oxum, oxum],
    [LABELS.id, info.bundleId],
    [LABELS.kind, info.kind],
    [LABELS.schema, String(info.schema)],
    [LABELS.office, info.officeCode],
  ];
  if (info.period !== null) fields.push([LABELS.period, info.period]);
  return fields;
}

function infoProblem(info: BagInfo): string | null {
  if (!BUNDLE_ID.test(info.bundleId)) return 'mã gói (External-Identifier) không hợp lệ';
  if (!BUNDLE_KINDS.includes(info.kind)) return `loại gói (XHHT-Kind) "${String(info.kind).slice(0, 40)}" không phải report, template hay sync`;
  if (!Number.isSafeInteger(info.schema) || info.schema <= 0) return 'phiên bản lược đồ (XHHT-Schema) không phải số nguyên dương';
  if (!OfficeCode.safeParse(info.officeCode).success || info.officeCode.trim() !== info.officeCode) return 'mã cơ quan (XHHT-Office) không hợp lệ';
  if (info.officeName.trim() === '' || info.officeName.length > 200) return 'tên cơ quan gửi (Source-Organization) trống hoặc quá dài';
  if (info.period !== null && !PERIOD.test(info.period)) return 'kỳ báo cáo (XHHT-Period) không hợp lệ';
  if (!isCalendarDate(info.baggingDate)) return 'ngày đóng gói (Bagging-Date) không phải ngày yyyy-mm-dd';
  return null;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export type ReadInfo = { ok: true; info: BagInfo; oxum: { bytes: number; files: number } } | { ok: false; problem: string };

/** Reads bag-info.txt; the problem names the field. */
export function readBagInfo(text: string): ReadInfo {
  const parsed = parseTagFile(text);
  if (!parsed.ok) return { ok: false, problem: `dòng ${parsed.lineNo}: ${parsed.problem}` };
  const fields = parsed.value;
  for (const label of [LABELS.organization, LABELS.date, LABELS.oxum, LABELS.id, LABELS.kind, LABELS.schema, LABELS.office]) {
    if (!fields.has(label)) return { ok: false, problem: `thiếu trường ${label}` };
  }
  const oxum = /^(\d{1,15})\.(\d{1,9})$/.exec(fields.get(LABELS.oxum)!);
  if (!oxum) return { ok: false, problem: 'trường Payload-Oxum không đúng dạng "số byte.số tệp"' };
  const schemaText = fields.get(LABELS.schema)!;
  if (!/^[1-9]\d{0,8}$/.test(schemaText)) return { ok: false, problem: `phiên bản lược đồ (XHHT-Schema) "${schemaText.slice(0, 40)}" không phải số nguyên dương` };
  const info: BagInfo = {
    bundleId: fields.get(LABELS.id)!,
    kind: fields.get(LABELS.kind)! as BundleKind,
    schema: Number(schemaText),
    officeCode: fields.get(LABELS.office)!,
    officeName: fields.get(LABELS.organization)!,
    period: fields.get(LABELS.period) || null,
    baggingDate: fields.get(LABELS.date)!,
  };
  const problem = infoProblem(info);
  if (problem) return { ok: false, problem };
  return { ok: true, info, oxum: { bytes: Number(oxum[1]), files: Number(oxum[2]) } };
}
