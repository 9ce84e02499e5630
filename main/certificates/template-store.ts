import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CertificateTemplate, defaultCertificateTemplate } from '../../shared/certificate-templates.js';
import { AppError } from '../../shared/errors.js';
import { TitleKind } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import { inTransaction, insertRecord, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import type { CertificateTemplatesTable } from './certificates.tables.js';

/**
 * The wording of every title's certificate: this office's saved row, else the
 * default. Rows other offices' bundles bring are theirs, not this office's wording.
 */

const FIELDS = ['superiorBody', 'issuingBody', 'heading', 'lead', 'achievement', 'signerTitle', 'signerName', 'place'] as const;

/** This office's id, or null before the office is set up (nothing saved yet then). */
function ownOffice(ctx: Pick<AppContext, 'officeId'>): string | null {
  try {
    return ctx.officeId();
  } catch {
    return null;
  }
}

const liveRows = (db: ReadDb, officeId: string) =>
  db.selectFrom('certificateTemplates').selectAll().where('originOfficeId', '=', officeId).where('deletedAt', 'is', null).execute();

const fieldsOf = (template: CertificateTemplate) => Object.fromEntries(FIELDS.map((f) => [f, template[f]])) as Pick<CertificateTemplatesTable, (typeof FIELDS)[number]>;

export async function loadTemplates(ctx: Pick<AppContext, 'db' | 'officeId'>): Promise<Record<TitleKind, CertificateTemplate>> {
  const officeId = ownOffice(ctx);
  const rows = officeId ? await liveRows(ctx.db, officeId) : [];
  return Object.fromEntries(
    TitleKind.options.map((title) => {
      const row = rows.find((r) => r.title === title);
      // A row a newer XHHT wrote with a field this one does not accept prints the default rather than fail a whole batch.
      const parsed = row ? CertificateTemplate.safeParse({ ...row, title }) : null;
      return [title, parsed?.success ? parsed.data : defaultCertificateTemplate(title)];
    }),
  ) as Record<TitleKind, CertificateTemplate>;
}

async function writeTemplate(tx: Tx, ctx: AppContext, template: CertificateTemplate): Promise<void> {
  const before = (await liveRows(tx, ctx.officeId())).find((r) => r.title === template.title);
  if (before) await updateRecord(tx, ctx, 'certificateTemplates', before, fieldsOf(template));
  else await insertRecord(tx, ctx, 'certificateTemplates', { title: template.title, ...fieldsOf(template) });
}

export async function saveTemplate(ctx: AppContext, template: CertificateTemplate): Promise<CertificateTemplate> {
  await inTransaction(ctx, (tx) => writeTemplate(tx, ctx, template));
  return template;
}

/** Where XHHT before migration 0190 kept the wording, in the data folder. */
export const TEMPLATES_FILE = 'certificate-templates.json';

/**
 * Moves the wording saved in the old file into the table, once, at start:
 * each title's valid template becomes a row (audited as this operation) unless
 * the table already has one; then the file is removed. Waits, keeping the
 * file, while the office is not set up (its rows need the office's id).
 */
export async function adoptTemplatesFile(ctx: AppContext): Promise<number> {
  const file = join(ctx.dataDir, TEMPLATES_FILE);
  if (!existsSync(file) || ownOffice(ctx) === null) return 0;
  let saved: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed !== null && typeof parsed === 'object') saved = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: set aside below like any other damaged file.
  }
  if (saved === null) {
    // Set aside, not retried at every start: the default wording prints until the office saves its own again.
    renameSync(file, `${file}.hong`);
    throw new AppError('INTERNAL', `Không đọc được mẫu giấy công nhận cũ (${file}): tệp hỏng, đã đổi tên thành ${TEMPLATES_FILE}.hong. Giấy in theo mẫu mặc định cho tới khi lưu lại mẫu trong Cài đặt.`);
  }
  const wording = saved;
  const adopted = await inTransaction(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx, operation: ctx.operation ?? 'certificate-templates-file' };
    const existing = new Set((await liveRows(tx, ctx.officeId())).map((r) => r.title));
    let count = 0;
    for (const title of TitleKind.options) {
      const parsed = CertificateTemplate.safeParse(wording[title]);
      if (!parsed.success || parsed.data.title !== title || existing.has(title)) continue;
      await writeTemplate(tx, txCtx, parsed.data);
      count++;
    }
    return count;
  });
  rmSync(file, { force: true });
  return adopted;
}
