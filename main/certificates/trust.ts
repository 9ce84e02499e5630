import { formatFingerprint, type TrustAddInput, type TrustedKeyDto, type TrustList } from '../../shared/certificates.js';
import { AppError } from '../../shared/errors.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, insertRecord, loadLiveRow, tombstoneRecord, type ReadDb, type Tx } from '../db/records.js';
import { loadOffice } from '../office/index.js';
import type { CertificateTrustedKeysTable } from './certificates.tables.js';
import { fingerprintOf, keyIdOf, normalisePublicKey } from './verify.js';

function toDto(row: CertificateTrustedKeysTable): TrustedKeyDto {
  const { deletedAt: _deleted, ...rest } = row;
  return { ...rest, fingerprint: formatFingerprint(fingerprintOf(row.publicKey)) };
}

/** This office's key (shown so another office can trust it) and the keys of other offices this XHHT accepts. */
export async function listTrust(db: ReadDb): Promise<TrustList> {
  const office = await loadOffice(db);
  const keys = await db.selectFrom('certificateTrustedKeys').selectAll().where('deletedAt', 'is', null).orderBy('officeName').execute();
  return {
    own: office
      ? { keyId: keyIdOf(office.publicKey), fingerprint: formatFingerprint(fingerprintOf(office.publicKey)), publicKey: office.publicKey, officeName: office.name, officeCode: office.code }
      : null,
    keys: keys.map(toDto),
  };
}

/** Adds another office's public key, entered by hand after the officers compared its fingerprint. */
export async function addTrustedKey(tx: Tx, ctx: AppContext, input: Required<TrustAddInput>): Promise<TrustedKeyDto> {
  const publicKey = normalisePublicKey(input.publicKey);
  const keyId = keyIdOf(publicKey);
  const office = await loadOffice(tx);
  if (office && keyIdOf(office.publicKey) === keyId) {
    throw new AppError('CONFLICT', 'Đây là khóa của chính đơn vị này: giấy do đơn vị cấp đã được xác minh bằng khóa này, không cần thêm.', { issues: [{ path: ['publicKey'], message: 'Khóa của chính đơn vị' }] });
  }
  const same = await tx.selectFrom('certificateTrustedKeys').select('officeName').where('keyId', '=', keyId).where('deletedAt', 'is', null).executeTakeFirst();
  if (same) throw new AppError('CONFLICT', `Khóa này đã có trong danh sách, ghi là của ${same.officeName}.`, { issues: [{ path: ['publicKey'], message: 'Khóa đã có' }] });
  return toDto(await insertRecord(tx, ctx, 'certificateTrustedKeys', { keyId, publicKey, officeName: input.officeName, officeCode: input.officeCode, note: input.note }));
}

export async function removeTrustedKey(tx: Tx, ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  const row = await loadLiveRow(tx, 'certificateTrustedKeys', input.id, 'Không tìm thấy khóa trong danh sách tin cậy.');
  assertRevision(row, input.rev, 'Khóa tin cậy');
  await tombstoneRecord(tx, ctx, 'certificateTrustedKeys', row);
  return { id: input.id };
}
