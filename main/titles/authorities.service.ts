import { AppError } from '../../shared/errors.js';
import { AUTHORITY_LEVEL_LABELS, AuthorityLevel, type AuthorityDto, type AuthorityFields } from '../../shared/titles.js';
import { TITLE_LABELS, TitleKind } from '../../shared/titles-criteria.js';
import { SAMPLE_NOTE } from '../../shared/titles-samples.js';
import type { AppContext } from '../app/context.js';
import { assertRevision, inTransaction, insertRecord, loadLiveRow, tombstoneRecord, updateRecord, withoutTombstone, type ReadDb, type Tx } from '../db/records.js';
import type { TitleAuthoritiesTable } from './titles.tables.js';

const LAW = 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;';
const COMMUNE_BODY = { issuer: 'Ủy ban nhân dân {xã}', decider: 'Chủ tịch Ủy ban nhân dân {xã}', signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch' };
const PROVINCE_BODY = { issuer: 'Ủy ban nhân dân {tỉnh}', decider: 'Chủ tịch Ủy ban nhân dân {tỉnh}', signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch' };

/**
 * Samples of who recognises what after the 2025 two-tier reform, as far as
 * public sources show: the commune's chairman recognises citizens, families,
 * clans, hamlets and the commune's own units; the province's chairman the
 * learning commune and the province's units. Every office checks them
 * against its province's current documents.
 */
export const SAMPLE_AUTHORITIES: (AuthorityFields & { sampleKey: string })[] = [
  {
    sampleKey: 'cong_dan-xa',
    title: 'cong_dan',
    level: 'xa',
    ...COMMUNE_BODY,
    basis: `${LAW}\nCăn cứ Quyết định số 677/QĐ-TTg ngày 03 tháng 6 năm 2022 của Thủ tướng Chính phủ phê duyệt Đề án “Xây dựng mô hình Công dân học tập”;\nXét đề nghị của Hội Khuyến học {xã}.`,
    recipients: 'Như Điều 3;\nHội Khuyến học {xã};\nLưu: VT.',
    note: SAMPLE_NOTE,
  },
  ...(['gia_dinh', 'dong_ho', 'cong_dong'] as const).map((title) => ({
    sampleKey: `${title}-xa`,
    title,
    level: 'xa' as const,
    ...COMMUNE_BODY,
    basis: `${LAW}\nXét đề nghị của Hội Khuyến học {xã}.`,
    recipients: 'Như Điều 3;\nHội Khuyến học {xã};\nLưu: VT.',
    note: SAMPLE_NOTE,
  })),
  {
    sampleKey: 'don_vi-xa',
    title: 'don_vi',
    level: 'xa',
    ...COMMUNE_BODY,
    basis: `${LAW}\nCăn cứ Thông tư số 22/2020/TT-BGDĐT của Bộ trưởng Bộ Giáo dục và Đào tạo;\nXét kết quả tự đánh giá của các cơ quan, đơn vị.`,
    recipients: 'Như Điều 3;\nLưu: VT.',
    note: `${SAMPLE_NOTE}; Chủ tịch UBND cùng cấp công nhận`,
  },
  {
    sampleKey: 'don_vi-tinh',
    title: 'don_vi',
    level: 'tinh',
    ...PROVINCE_BODY,
    basis: `${LAW}\nCăn cứ Thông tư số 22/2020/TT-BGDĐT của Bộ trưởng Bộ Giáo dục và Đào tạo;\nXét đề nghị của Sở Giáo dục và Đào tạo.`,
    recipients: 'Như Điều 3;\nSở Giáo dục và Đào tạo;\nLưu: VT.',
    note: `${SAMPLE_NOTE}; Chủ tịch UBND cùng cấp công nhận`,
  },
  {
    sampleKey: 'cong_dong_xa-tinh',
    title: 'cong_dong_xa',
    level: 'tinh',
    ...PROVINCE_BODY,
    basis: `${LAW}\nXét đề nghị của Sở Giáo dục và Đào tạo.`,
    recipients: 'Như Điều 3;\nSở Giáo dục và Đào tạo;\nLưu: VT.',
    note: `${SAMPLE_NOTE}; không còn cấp huyện từ ngày 01/7/2025`,
  },
];

export function toAuthorityDto(row: TitleAuthoritiesTable): AuthorityDto {
  const r = withoutTombstone(row);
  return { ...r, title: TitleKind.parse(r.title), level: AuthorityLevel.parse(r.level) };
}

export function loadLiveAuthority(db: ReadDb, id: string): Promise<TitleAuthoritiesTable> {
  return loadLiveRow(db, 'titleAuthorities', id, 'Không tìm thấy cơ quan công nhận (có thể đã bị xóa).');
}

export async function listAuthorities(db: ReadDb): Promise<AuthorityDto[]> {
  const rows = await db.selectFrom('titleAuthorities').selectAll().where('deletedAt', 'is', null).execute();
  const titles = TitleKind.options;
  const levels = AuthorityLevel.options;
  return rows.map(toAuthorityDto).sort((a, b) => titles.indexOf(a.title) - titles.indexOf(b.title) || levels.indexOf(a.level) - levels.indexOf(b.level));
}

async function assertFree(tx: Tx, fields: Pick<AuthorityFields, 'title' | 'level'>, exceptId: string | null): Promise<void> {
  let query = tx.selectFrom('titleAuthorities').select(['id', 'issuer']).where('deletedAt', 'is', null).where('title', '=', fields.title).where('level', '=', fields.level);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const twin = await query.executeTakeFirst();
  if (twin) {
    const message = `${TITLE_LABELS[fields.title]} ${AUTHORITY_LEVEL_LABELS[fields.level].toLocaleLowerCase('vi')} đã có cơ quan công nhận: ${twin.issuer}. Sửa dòng đó thay vì thêm dòng mới.`;
    throw new AppError('CONFLICT', message, { issues: [{ path: ['level'], message }] });
  }
}

const columnsOf = (f: AuthorityFields) => ({ title: f.title, level: f.level, issuer: f.issuer, decider: f.decider, signerTitle: f.signerTitle, recipients: f.recipients, basis: f.basis, note: f.note });

export function saveAuthority(ctx: AppContext, input: AuthorityFields & { id?: string | undefined; rev?: number | undefined }): Promise<AuthorityDto> {
  return inTransaction(ctx, async (tx) => {
    if (!input.id) {
      await assertFree(tx, input, null);
      return toAuthorityDto(await insertRecord(tx, ctx, 'titleAuthorities', { ...columnsOf(input), sampleKey: null }));
    }
    const before = await loadLiveAuthority(tx, input.id);
    assertRevision(before, input.rev ?? -1, 'Cơ quan công nhận');
    await assertFree(tx, input, before.id);
    return toAuthorityDto(await updateRecord(tx, ctx, 'titleAuthorities', before, columnsOf(input)));
  });
}

/** A decision keeps the texts it was made with, so deleting a row leaves every decision as printed. */
export function deleteAuthority(ctx: AppContext, input: { id: string; rev: number }): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadLiveAuthority(tx, input.id);
    assertRevision(before, input.rev, 'Cơ quan công nhận');
    await tombstoneRecord(tx, ctx, 'titleAuthorities', before);
    return { id: before.id };
  });
}

/** Adds the samples for the titles and levels that have no live row; an office's own rows are never overwritten. */
export function installAuthoritySamples(ctx: AppContext): Promise<{ installed: number }> {
  return inTransaction(ctx, async (tx) => {
    const taken = new Set((await tx.selectFrom('titleAuthorities').select(['title', 'level']).where('deletedAt', 'is', null).execute()).map((r) => `${r.title}|${r.level}`));
    let installed = 0;
    for (const { sampleKey, ...sample } of SAMPLE_AUTHORITIES) {
      if (taken.has(`${sample.title}|${sample.level}`)) continue;
      await insertRecord(tx, ctx, 'titleAuthorities', { ...columnsOf(sample), sampleKey });
      installed++;
    }
    return { installed };
  });
}
