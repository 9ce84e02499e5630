import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors.js';
import { loggableText } from '../../shared/safe-text.js';
import { newId } from '../db/ids.js';
import type { BundlesReceivedTable } from './bundles.tables.js';
import type { BundleSeen } from './verify.js';

/**
 * The log of bundles received (bundlesReceived) holds refusals too: "did we
 * get the commune's March file, and why was it not taken?" has an answer.
 * A refusal is written after the import rolled back, in its own small
 * transaction with its audit row (as an applied bundle's row has one), so it
 * never travels with any of the bundle's data. Only what the checks vouched
 * for is kept: the signer once its signature holds, bag-info once that
 * signature covers it; a file broken before then (a truncated zip, a bad
 * signature) names nobody, and the row names the file instead. Whether the
 * signer is who bag-info says is the trust check: when it fails, that is the
 * reason the row shows beside the name. Every value is bounded and stripped
 * of control characters, as it comes from a file this office did not write.
 */

/** How much of the reason is kept: the message and the first rejected records, enough to tell the sender what to fix. */
export const REFUSAL_SUMMARY_MAX = 500;
const FILE_NAME_MAX = 120;
const ISSUES_KEPT = 3;

export interface RefusalReceipt {
  sqlite: Database.Database;
  actor: string;
  operation: string;
  now: Date;
  /** The file as the officer chose it: the row says what was received when nothing inside could be read. */
  fileName: string;
}

/** What the log keeps of a refusal: the message, the first records it lists, and the file's name when the bag named nothing. */
export function refusalSummary(refusal: AppError, fileName: string, bagRead: boolean): string {
  const issues = (refusal.details.issues ?? []).slice(0, ISSUES_KEPT).map((i) => i.message);
  const reason = [refusal.message, ...issues].join(' — ');
  const file = bagRead ? '' : `Tệp "${loggableText(fileName, FILE_NAME_MAX)}": `;
  return loggableText(`${file}${reason}`, REFUSAL_SUMMARY_MAX);
}

/**
 * Logs a refused bundle and returns the refusal to throw: the same one, or,
 * if the log itself could not be written, the same with a sentence saying so
 * (the officer still learns why the bundle was refused).
 */
export function logRefusal(receipt: RefusalReceipt, seen: BundleSeen, refusal: AppError): AppError {
  const { sqlite, actor, operation } = receipt;
  const row = refusedRow(seen, refusalSummary(refusal, receipt.fileName, seen.info !== undefined), actor, receipt.now);
  try {
    sqlite.transaction(() => {
      sqlite
        .prepare(
          'INSERT INTO bundlesReceived (id, bundleId, kind, senderOfficeId, senderCode, senderName, fingerprint, receivedAt, result, summary, forced, actor) VALUES (@id, @bundleId, @kind, @senderOfficeId, @senderCode, @senderName, @fingerprint, @receivedAt, @result, @summary, @forced, @actor)',
        )
        .run(row);
      sqlite
        .prepare('INSERT INTO auditLog (at, actor, operation, entity, recordId, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(row.receivedAt, actor, operation, 'bundlesReceived', row.id, null, JSON.stringify(row));
    }).immediate();
    return refusal;
  } catch (error) {
    return new AppError(refusal.code, `${refusal.message} (Không ghi được việc từ chối vào danh sách gói đã nhận: ${(error as Error).message}.)`, refusal.details);
  }
}

/** What a row keeps of a bundle: the parts of what was read (BundleSeen) or of a finished verification's report. */
interface SeenFields {
  info?: Pick<BundleSeen['info'] & object, 'bundleId' | 'kind' | 'officeCode' | 'officeName'>;
  signer?: { fingerprint: string };
  officeId?: string;
}

/** A refused bundle's row: what the checks vouched for, bounded and stripped, and why it was not taken. */
export function refusedRow(seen: SeenFields, summary: string, actor: string, now: Date): BundlesReceivedTable {
  const info = seen.info;
  return {
    id: newId(now.getTime()),
    bundleId: loggableText(info?.bundleId ?? '', 100),
    kind: loggableText(info?.kind ?? '', 20),
    senderOfficeId: loggableText(seen.officeId ?? '', 100),
    senderCode: loggableText(info?.officeCode ?? '', 20),
    senderName: loggableText(info?.officeName ?? '', 200),
    fingerprint: loggableText(seen.signer?.fingerprint ?? '', 100),
    receivedAt: now.toISOString(),
    result: 'refused',
    summary: loggableText(summary, REFUSAL_SUMMARY_MAX),
    forced: 0,
    actor,
  };
}
