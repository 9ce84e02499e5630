import { registerNumberLabel, type CertificateDto, type RegisterList, type ReprintDto } from '../../shared/certificates.js';
import { formatDateVi, type IsoDate } from '../../shared/dates.js';
import { AppError } from '../../shared/errors.js';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, insertRecord, loadLiveRow, updateRecord, type ReadDb, type Tx } from '../db/records.js';
import { loadOffice } from '../office/index.js';
import { loadUnitTree } from '../units/index.js';
import type { CertificateReprintsTable, CertificatesTable } from './certificates.tables.js';
import { keyIdOf, signPayload } from './verify.js';

/** Everything a certificate template prints for one recognised subject. */
export interface IssuedCertificate {
  certificateId: string;
  /** "12/2026/CDHT" */
  registerNumber: string;
  registerSeq: number;
  title: TitleKind;
  titleName: string;
  year: number;
  holderName: string;
  /** Null for households, clans, organisations and units. */
  birthYear: number | null;
  address: string;
  /** "Ấp Chiến Thắng", or '' when the subject lives at commune level. */
  hamletName: string;
  /** "Xã Tân Hộ Cơ" */
  communeName: string;
  decisionNumber: string;
  decisionDate: IsoDate;
  /** Where the decision was signed ("Tân Hồng"), for the place-and-date line. */
  place: string;
  signerTitle: string;
  signerName: string;
  /** The authority of the decision ("Ủy ban nhân dân xã Tân Hộ Cơ"). */
  issuingBody: string;
  /**
   * True when the certificate had been issued before this call: the paper
   * says "bản cấp lại", and the caller logs why with logReprint.
   */
  reprint: boolean;
  /** "XH1:…" — the signed payload for the QR code (error correction Q). */
  qrPayload: string;
}

interface Recognition {
  id: string;
  decisionId: string;
  evaluationId: string;
  title: TitleKind;
  year: number;
  decisionNumber: string;
  decisionDate: string;
  place: string;
  signerTitle: string;
  signerName: string;
  authority: string;
  subjectName: string | null;
  birthYear: number | null;
  address: string | null;
  subjectUnitId: string | null;
  livesInUnitId: string | null;
}

async function loadRecognitions(db: ReadDb, ids: readonly string[]): Promise<Map<string, Recognition>> {
  const rows = await db
    .selectFrom('titleDecisionEntries as x')
    .innerJoin('titleDecisions as d', 'd.id', 'x.decisionId')
    .innerJoin('titleEvaluations as e', 'e.id', 'x.evaluationId')
    .leftJoin('titleSubjects as s', 's.id', 'e.subjectId')
    .select([
      'x.id',
      'x.decisionId',
      'x.evaluationId',
      'd.title',
      'd.year',
      'd.number as decisionNumber',
      'd.signedOn as decisionDate',
      'd.place',
      'd.signerTitle',
      'd.signerName',
      'd.authority',
      's.name as subjectName',
      's.birthYear',
      's.address',
      'e.subjectUnitId',
      's.unitId as livesInUnitId',
    ])
    .where('x.id', 'in', ids.length > 0 ? [...ids] : [''])
    .where('x.deletedAt', 'is', null)
    .where('d.deletedAt', 'is', null)
    .where('e.deletedAt', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, { ...r, title: TitleKind.parse(r.title) }]));
}

interface UnitPlace {
  /** "Ấp Chiến Thắng" */
  name: string;
  hamletName: string;
  communeName: string;
}

async function loadUnitPlaces(db: ReadDb): Promise<Map<string, UnitPlace>> {
  const tree = await loadUnitTree(db);
  const byId = new Map(tree.map((u) => [u.id, u]));
  const nameOf = (u: { type: string; name: string }) => `${u.type} ${u.name}`;
  const places = new Map<string, UnitPlace>();
  for (const unit of tree) {
    let commune: (typeof tree)[number] | undefined = unit;
    while (commune && commune.depth > 1) commune = commune.parentId ? byId.get(commune.parentId) : undefined;
    const hamlet = unit.depth >= 2 ? unit : undefined;
    places.set(unit.id, { name: nameOf(unit), hamletName: hamlet ? nameOf(hamlet) : '', communeName: commune && commune.depth === 1 ? nameOf(commune) : '' });
  }
  return places;
}

/** The register rows the recognitions already hold (valid, not revoked). */
async function validCertificates(db: ReadDb, recognitionIds: readonly string[]): Promise<Map<string, CertificatesTable>> {
  const rows = await db
    .selectFrom('certificates')
    .selectAll()
    .where('recognitionId', 'in', recognitionIds.length > 0 ? [...recognitionIds] : [''])
    .where('deletedAt', 'is', null)
    .where('revokedOn', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.recognitionId, r]));
}

/**
 * Certificates for these recognitions (titleDecisionEntries ids), in the order
 * given. A recognition printed for the first time gets the next number of its
 * year's and title's register — one past the highest ever given by this
 * office's key, revoked ones included, so no number is given twice. One printed
 * before keeps its number (reprint: true). One whose certificate was revoked
 * gets a new certificate under a new number. The QR payload is signed from the
 * register row, so every print of a certificate carries the same payload.
 */
export async function issueCertificates(tx: Tx, ctx: AppContext, recognitionIds: string[]): Promise<IssuedCertificate[]> {
  const office = await loadOffice(tx);
  if (!office) throw new AppError('NOT_SET_UP', 'Cơ quan chưa được thiết lập: chưa có khóa ký để cấp giấy công nhận. Hãy hoàn tất bước thiết lập ban đầu.');
  const keyId = keyIdOf(office.publicKey);
  const recognitions = await loadRecognitions(tx, recognitionIds);
  const lost = recognitionIds.filter((id) => !recognitions.has(id));
  if (lost.length > 0) throw new AppError('NOT_FOUND', `${lost.length} người/đơn vị được chọn không còn trong quyết định công nhận nào (quyết định đã bị rút hoặc xóa).`, { recognitionIds: lost });
  if (new Set(recognitionIds).size !== recognitionIds.length) throw new AppError('VALIDATION', 'Một người được chọn in hai lần trong cùng một đợt.');
  const existing = await validCertificates(tx, recognitionIds);
  const places = await loadUnitPlaces(tx);
  const lastSeq = new Map<string, number>();
  const nextSeq = async (year: number, title: TitleKind): Promise<number> => {
    const key = `${year}|${title}`;
    let last = lastSeq.get(key);
    if (last === undefined) {
      const row = await tx
        .selectFrom('certificates')
        .select((eb) => eb.fn.max('registerSeq').as('last'))
        .where('keyId', '=', keyId)
        .where('year', '=', year)
        .where('title', '=', title)
        .executeTakeFirst();
      last = Number(row?.last ?? 0);
    }
    lastSeq.set(key, last + 1);
    return last + 1;
  };
  const issued: IssuedCertificate[] = [];
  for (const id of recognitionIds) {
    const r = recognitions.get(id)!;
    const unitPlace = r.subjectUnitId ? places.get(r.subjectUnitId) : r.livesInUnitId ? places.get(r.livesInUnitId) : undefined;
    let certificate = existing.get(id);
    const reprint = certificate !== undefined;
    if (!certificate) {
      certificate = await insertRecord(tx, ctx, 'certificates', {
        recognitionId: id,
        decisionId: r.decisionId,
        evaluationId: r.evaluationId,
        title: r.title,
        year: r.year,
        registerSeq: await nextSeq(r.year, r.title),
        holderName: (r.subjectUnitId ? (unitPlace?.name ?? '') : (r.subjectName ?? '')).normalize('NFC'),
        communeName: unitPlace?.communeName ?? '',
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        keyId,
        issuedBy: ctx.actor,
        revokedOn: null,
        revokeReason: '',
        revokedBy: '',
      });
    }
    const title = TitleKind.parse(certificate.title);
    issued.push({
      certificateId: certificate.id,
      registerNumber: registerNumberLabel(certificate.registerSeq, certificate.year, title),
      registerSeq: certificate.registerSeq,
      title,
      titleName: TITLE_LABELS[title],
      year: certificate.year,
      holderName: certificate.holderName,
      birthYear: r.subjectUnitId ? null : r.birthYear,
      address: r.address ?? '',
      hamletName: unitPlace?.hamletName ?? '',
      communeName: certificate.communeName,
      decisionNumber: certificate.decisionNumber,
      decisionDate: certificate.decisionDate,
      place: r.place,
      signerTitle: r.signerTitle,
      signerName: r.signerName,
      issuingBody: r.authority,
      reprint,
      qrPayload: signPayload(ctx.dataDir, {
        keyId: certificate.keyId,
        registerSeq: certificate.registerSeq,
        title,
        year: certificate.year,
        holderName: certificate.holderName,
        decisionNumber: certificate.decisionNumber,
        decisionDate: certificate.decisionDate,
        officeCode: office.code,
      }),
    });
  }
  return issued;
}

export async function loadCertificate(db: ReadDb, id: string): Promise<CertificatesTable> {
  return loadLiveRow(db, 'certificates', id, 'Không tìm thấy giấy công nhận trong sổ.');
}

function refuseRevoked(row: CertificatesTable, what: string): void {
  if (row.revokedOn) {
    const number = registerNumberLabel(row.registerSeq, row.year, TitleKind.parse(row.title));
    throw new AppError('CONFLICT', `Giấy công nhận số ${number} của ${row.holderName} đã bị thu hồi ngày ${formatDateVi(row.revokedOn)}: không thể ${what}.`);
  }
}

/** Logs a reprint (who, when, why); the certificate keeps its number. Refused for a revoked one. */
export async function logReprint(tx: Tx, ctx: AppContext, certificateId: string, reason: string): Promise<CertificateReprintsTable> {
  const row = await loadCertificate(tx, certificateId);
  refuseRevoked(row, 'cấp lại');
  return insertRecord(tx, ctx, 'certificateReprints', { certificateId, actor: ctx.actor, reason: reason.trim() });
}

/** Revokes a certificate with its reason and date; its number stays taken and the verifier answers "đã thu hồi". */
export async function revokeCertificate(tx: Tx, ctx: AppContext, certificateId: string, reason: string, date: IsoDate): Promise<CertificatesTable> {
  const row = await loadCertificate(tx, certificateId);
  refuseRevoked(row, 'thu hồi lần nữa');
  return updateRecord(tx, ctx, 'certificates', row, { revokedOn: date, revokeReason: reason.trim(), revokedBy: ctx.actor });
}


function toDto(row: CertificatesTable, reprintCount: number): CertificateDto {
  const { deletedAt: _deleted, ...rest } = row;
  const title = TitleKind.parse(row.title);
  return { ...rest, title, registerNumber: registerNumberLabel(row.registerSeq, row.year, title), issuedAt: row.createdAt, reprintCount };
}

async function reprintCounts(db: ReadDb, certificateIds: readonly string[]): Promise<Map<string, number>> {
  if (certificateIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('certificateReprints')
    .select(['certificateId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('deletedAt', 'is', null)
    .where('certificateId', 'in', [...certificateIds])
    .groupBy('certificateId')
    .execute();
  return new Map(rows.map((r) => [r.certificateId, Number(r.count)]));
}

/** The register of a year and title (or all of them), in number order, with the registers that exist for the filters. */
export async function listRegister(db: ReadDb, filter: { year?: number; title?: TitleKind }): Promise<RegisterList> {
  let query = db.selectFrom('certificates').selectAll().where('deletedAt', 'is', null);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.title) query = query.where('title', '=', filter.title);
  const rows = await query.orderBy('year', 'desc').orderBy('title').orderBy('registerSeq').execute();
  const counts = await reprintCounts(db, rows.map((r) => r.id));
  const registers = await db
    .selectFrom('certificates')
    .select(['year', 'title', (eb) => eb.fn.countAll<number>().as('count')])
    .where('deletedAt', 'is', null)
    .groupBy(['year', 'title'])
    .orderBy('year', 'desc')
    .orderBy('title')
    .execute();
  return {
    certificates: rows.map((r) => toDto(r, counts.get(r.id) ?? 0)),
    registers: registers.map((r) => ({ year: r.year, title: TitleKind.parse(r.title), count: Number(r.count) })),
  };
}

export async function listReprints(db: ReadDb, certificateId: string): Promise<ReprintDto[]> {
  const rows = await db.selectFrom('certificateReprints').selectAll().where('certificateId', '=', certificateId).where('deletedAt', 'is', null).orderBy('createdAt').execute();
  return rows.map((r) => ({ id: r.id, certificateId: r.certificateId, at: r.createdAt, actor: r.actor, reason: r.reason }));
}

/** The register page's "Cấp lại" action: logs who, when and why, on the revision the officer saw. */
export async function reprintFromRegister(tx: Tx, ctx: AppContext, input: { id: string; rev: number; reason: string }): Promise<CertificateDto> {
  const row = await loadCertificate(tx, input.id);
  assertRevision(row, input.rev, 'Giấy công nhận');
  await logReprint(tx, ctx, input.id, input.reason);
  return toDto(row, (await reprintCounts(tx, [row.id])).get(row.id) ?? 0);
}

export async function revokeFromRegister(tx: Tx, ctx: AppContext, input: { id: string; rev: number; reason: string; date: IsoDate }): Promise<CertificateDto> {
  const row = await loadCertificate(tx, input.id);
  assertRevision(row, input.rev, 'Giấy công nhận');
  const after = await revokeCertificate(tx, ctx, input.id, input.reason, input.date);
  return toDto(after, (await reprintCounts(tx, [row.id])).get(row.id) ?? 0);
}
