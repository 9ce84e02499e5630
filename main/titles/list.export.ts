import { AppError } from '../../shared/errors.js';
import { formatVietnameseNumber } from '../../shared/numbers.js';
import { foldText } from '../../shared/text.js';
import { GENDER_LABELS, ORG_KIND_LABELS, SUBJECT_KIND_LABELS, maskIdNumber, type SubjectKind } from '../../shared/titles.js';
import { TITLE_LABELS, TitleKind, indicatorsOf, type Indicator } from '../../shared/titles-criteria.js';
import { IMPORT_FIELDS, IMPORT_KIND_LABELS, MAX_LIST_EXPORT_ROWS, importFields, templatePreset, type ImportKind, type ListExportInput, type XlsxFile } from '../../shared/titles-import.js';
import { STATUS_LABELS } from '../../shared/titles-workflow.js';
import type { ReadDb } from '../db/records.js';
import { writeXlsx, xlsxFile as file, type ListCell, type ListSheet } from '../xlsx/index.js';
import { loadSet } from './criteria-sets.service.js';
import { listEvaluations } from './evaluations.service.js';
import { loadPlaces, loadPlacesFor, placeOf, type Place } from './places.js';
import type { TitleSubjectsTable } from './titles.tables.js';

/**
 * Titles lists to .xlsx, as the page shows them (its filters applied), and
 * blank templates for the imports. Subject lists are headed with the import's
 * own field labels, so an exported list reads back through the import as is.
 * ID numbers are masked unless the officer asked to see them.
 */

// Subject and evaluation lists keep their header in row 1 (no heading block): an exported list must read back through the import as is.
type Cell = ListCell;
type SheetSpec = ListSheet;

const col = (header: string, width = 16, type?: 'integer' | 'number') => ({ header, width, ...(type ? { type } : {}) });
const masked = (id: string | null, show: boolean) => (show ? id : maskIdNumber(id)) ?? '';
const idNote = (show: boolean) => (show ? 'Số CCCD: đầy đủ (theo yêu cầu của người xuất)' : 'Số CCCD: chỉ hiện 3 số cuối');

/** The commune and hamlet columns of a subject: "Xã Tân Hộ Cơ", "Ấp Gò Chòi" (the import reads them back with or without the type word). */
function placeColumns(unitId: string, places: Map<string, Place>): [string, string] {
  const place = places.get(unitId);
  if (!place || place.depth === 0) return ['', ''];
  const commune = place.communeId ? places.get(place.communeId) : undefined;
  return place.depth === 1 ? [place.name, ''] : [commune?.name ?? '', place.name];
}

const SUBJECT_COLUMNS: Record<SubjectKind, { fields: string[]; cells: (s: TitleSubjectsTable, show: boolean) => Cell[] }> = {
  person: {
    fields: ['name', 'birthYear', 'gender', 'ethnicity', 'religion', 'idNumber', 'commune', 'hamlet', 'labourGroup'],
    cells: (s, show) => [s.name, s.birthYear, s.gender === 'nam' || s.gender === 'nu' ? GENDER_LABELS[s.gender] : '', s.ethnicity, s.religion, masked(s.idNumber, show)],
  },
  household: { fields: ['name', 'address', 'commune', 'hamlet', 'note'], cells: (s) => [s.name, s.address] },
  clan: { fields: ['name', 'representative', 'commune', 'hamlet', 'note'], cells: (s) => [s.name, s.representative] },
  organisation: {
    fields: ['name', 'orgKind', 'orgLevel', 'address', 'commune', 'hamlet', 'note'],
    cells: (s) => [s.name, s.orgKind && s.orgKind in ORG_KIND_LABELS ? ORG_KIND_LABELS[s.orgKind as keyof typeof ORG_KIND_LABELS] : '', s.orgLevel, s.address],
  },
};

async function exportSubjects(db: ReadDb, input: Extract<ListExportInput, { list: 'subjects' }>): Promise<XlsxFile> {
  let query = db.selectFrom('titleSubjects').selectAll().where('deletedAt', 'is', null).where('kind', '=', input.kind);
  let within = '';
  if (input.unitId) {
    const place = placeOf(await loadPlacesFor(db, [input.unitId]), input.unitId);
    query = place.depth === 1 ? query.where('communeId', '=', place.id) : query.where('unitId', '=', place.id);
    within = place.label;
  }
  const folded = foldText(input.search);
  if (folded !== '') query = query.where('nameFolded', '>=', folded).where('nameFolded', '<', `${folded}\u{10FFFF}`);
  const rows = await query.orderBy('nameFolded').orderBy('id').limit(MAX_LIST_EXPORT_ROWS + 1).execute();
  if (rows.length > MAX_LIST_EXPORT_ROWS) {
    throw new AppError('VALIDATION', `Danh sách có hơn ${formatVietnameseNumber(MAX_LIST_EXPORT_ROWS)} dòng; hãy lọc theo xã, ấp hoặc tên rồi xuất từng phần.`);
  }
  const places = await loadPlaces(db);
  const spec = SUBJECT_COLUMNS[input.kind as SubjectKind];
  const fields = importFields(input.kind as ImportKind);
  const labels = spec.fields.map((f) => fields[f as keyof typeof fields] as { label: string });
  const placeAt = spec.fields.indexOf('commune');
  const lines = function* () {
    for (const s of rows) {
      const own = spec.cells(s, input.showIdNumbers);
      const cells: Cell[] = [...own, ...placeColumns(s.unitId, places)];
      if (input.kind === 'person') cells.push(s.labourGroup);
      else cells.push(s.note);
      yield cells;
    }
  };
  const kindLabel = SUBJECT_KIND_LABELS[input.kind as SubjectKind];
  const content = await writeXlsx([
    { name: 'Danh sách', columns: labels.map((l, i) => col(l.label, i === 0 ? 28 : i === placeAt || i === placeAt + 1 ? 20 : 14)), rows: lines() },
    {
      name: 'Thông tin',
      columns: [col('Mục', 24), col('Nội dung', 60)],
      rows: [
        ['Danh sách', kindLabel],
        ['Lọc theo địa bàn', within || 'Tất cả'],
        ['Tên bắt đầu bằng', input.search || '—'],
        ['Số dòng', rows.length],
        ...(input.kind === 'person' ? [['Ghi chú', idNote(input.showIdNumbers)]] : []),
      ],
    },
  ]);
  return file(`danh-sach-${kindLabel}${within ? `-${within}` : ''}`, content, rows.length);
}

/** The union of indicators over the sets the rows were scored on, in the order the sets list them. */
async function indicatorColumns(db: ReadDb, setIds: string[]): Promise<Indicator[]> {
  const seen = new Map<string, Indicator>();
  for (const id of setIds) for (const indicator of indicatorsOf((await loadSet(db, id)).definition.criteria)) if (!seen.has(indicator.code)) seen.set(indicator.code, indicator);
  return [...seen.values()];
}

async function subjectDetails(db: ReadDb, ids: string[]): Promise<Map<string, Pick<TitleSubjectsTable, 'idNumber' | 'birthYear' | 'unitId'>>> {
  const details = new Map<string, Pick<TitleSubjectsTable, 'idNumber' | 'birthYear' | 'unitId'>>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('titleSubjects').select(['id', 'idNumber', 'birthYear', 'unitId']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) details.set(r.id, r);
  }
  return details;
}

/** Evaluations (of the page's filter, or a decision's) as rows: who, where, each indicator's score, total, result and step. */
async function evaluationSheet(db: ReadDb, evaluations: Awaited<ReturnType<typeof listEvaluations>>, show: boolean): Promise<SheetSpec> {
  const indicators = await indicatorColumns(db, [...new Set(evaluations.map((e) => e.criteriaSetId))]);
  const subjects = await subjectDetails(db, evaluations.flatMap((e) => (e.subjectId ? [e.subjectId] : [])));
  const places = await loadPlaces(db);
  const fields = IMPORT_FIELDS.evaluation;
  return {
    name: 'Danh sách',
    columns: [
      col('STT', 6, 'integer'),
      col(fields.name.label, 28),
      col(fields.idNumber.label, 16),
      col(fields.birthYear.label, 10, 'integer'),
      col(fields.commune.label, 20),
      col(fields.hamlet.label, 20),
      col('Danh hiệu', 22),
      col('Năm', 8, 'integer'),
      ...indicators.map((i) => col(`${i.code} ${i.name}`.slice(0, 80), 10, 'number')),
      col('Tổng điểm', 10, 'number'),
      col('Kết quả', 14),
      col('Bước', 18),
      col(fields.evaluator.label, 20),
    ],
    rows: evaluations.map((e, n) => {
      const subject = e.subjectId ? subjects.get(e.subjectId) : undefined;
      const [commune, hamlet] = placeColumns(subject?.unitId ?? e.subjectUnitId ?? '', places);
      return [
        n + 1,
        e.subjectName,
        masked(subject?.idNumber ?? null, show),
        subject?.birthYear ?? null,
        commune || e.communeName,
        hamlet,
        TITLE_LABELS[e.title],
        e.year,
        ...indicators.map((i) => e.scores[i.code] ?? null),
        e.total,
        e.resultLabel,
        STATUS_LABELS[e.status],
        e.evaluator,
      ];
    }),
  };
}

async function exportEvaluations(db: ReadDb, input: Extract<ListExportInput, { list: 'evaluations' }>): Promise<XlsxFile> {
  const title = input.title === undefined ? undefined : TitleKind.parse(input.title);
  const evaluations = await listEvaluations(db, { year: input.year, title, communeId: input.communeId, status: input.status });
  if (evaluations.length > MAX_LIST_EXPORT_ROWS) throw new AppError('VALIDATION', `Có hơn ${formatVietnameseNumber(MAX_LIST_EXPORT_ROWS)} hồ sơ; hãy lọc theo xã hoặc bước rồi xuất từng phần.`);
  const places = input.communeId ? await loadPlacesFor(db, [input.communeId]) : new Map<string, Place>();
  const commune = input.communeId ? (places.get(input.communeId)?.name ?? '') : '';
  const content = await writeXlsx([
    await evaluationSheet(db, evaluations, input.showIdNumbers),
    {
      name: 'Thông tin',
      columns: [col('Mục', 24), col('Nội dung', 60)],
      rows: [
        ['Danh sách', 'Hồ sơ đánh giá'],
        ['Danh hiệu', title ? TITLE_LABELS[title] : 'Tất cả'],
        ['Năm', input.year ?? 'Tất cả'],
        ['Xã', commune || 'Tất cả'],
        ['Bước', input.status ? STATUS_LABELS[input.status] : 'Mọi bước'],
        ['Số dòng', evaluations.length],
        ['Ghi chú', idNote(input.showIdNumbers)],
      ],
    },
  ]);
  return file(`ho-so-danh-gia-${title ? TITLE_LABELS[title] : 'tat-ca'}-${input.year ?? ''}${commune ? `-${commune}` : ''}`, content, evaluations.length);
}

/** A recognition decision's list of recognised subjects, in the decision's order. */
async function exportDecision(db: ReadDb, input: Extract<ListExportInput, { list: 'decision' }>): Promise<XlsxFile> {
  const decision = await db.selectFrom('titleDecisions').selectAll().where('id', '=', input.id).where('deletedAt', 'is', null).executeTakeFirst();
  if (!decision) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định (có thể đã bị xóa).');
  const entries = await db.selectFrom('titleDecisionEntries').select(['evaluationId']).where('decisionId', '=', input.id).where('deletedAt', 'is', null).orderBy('position').execute();
  const byId = new Map((await listEvaluations(db, { ids: entries.map((e) => e.evaluationId) })).map((e) => [e.id, e]));
  const evaluations = entries.flatMap((e) => (byId.has(e.evaluationId) ? [byId.get(e.evaluationId)!] : []));
  const title = TitleKind.parse(decision.title);
  const content = await writeXlsx([
    await evaluationSheet(db, evaluations, input.showIdNumbers),
    {
      name: 'Thông tin',
      columns: [col('Mục', 24), col('Nội dung', 60)],
      rows: [
        ['Quyết định số', decision.number],
        ['Ngày ký', decision.signedOn.split('-').reverse().join('/')],
        ['Cơ quan ban hành', decision.authority],
        ['Danh hiệu', `${TITLE_LABELS[title]} năm ${decision.year}`],
        ['Số được công nhận', evaluations.length],
        ['Ghi chú', idNote(input.showIdNumbers)],
      ],
    },
  ]);
  return file(`danh-sach-cong-nhan-qd-${decision.number}`, content, evaluations.length);
}

export function exportList(db: ReadDb, input: ListExportInput): Promise<XlsxFile> {
  if (input.list === 'subjects') return exportSubjects(db, input);
  if (input.list === 'evaluations') return exportEvaluations(db, input);
  return exportDecision(db, input);
}

/** A blank list for a commune to fill: the template's headers, and a sheet saying what each column takes. */
export async function importTemplate(db: ReadDb, kind: ImportKind, criteriaSetId: string | undefined): Promise<XlsxFile> {
  if (kind === 'evaluation' && !criteriaSetId) throw new AppError('VALIDATION', 'Chọn bộ tiêu chí để tải mẫu danh sách điểm.', { issues: [{ path: ['criteriaSetId'], message: 'Chọn bộ tiêu chí' }] });
  const set = criteriaSetId ? await loadSet(db, criteriaSetId) : null;
  const criteria = set?.definition.criteria ?? [];
  const preset = templatePreset(kind, criteria);
  const fields = importFields(kind, criteria);
  const hints: Record<string, string> = {
    name: kind === 'evaluation' ? 'Tên đối tượng như đã có trong dữ liệu (cá nhân: kèm CCCD hoặc năm sinh)' : 'Viết đủ, có dấu; trùng tên trong cùng ấp thì bị báo',
    birthYear: 'Năm (1980) hoặc ngày sinh dd/mm/yyyy',
    gender: 'Nam hoặc Nữ',
    idNumber: '12 chữ số (định dạng ô là Văn bản để giữ số 0 đầu)',
    commune: 'Tên xã như trong địa bàn, có hoặc không có chữ "Xã"',
    hamlet: 'Tên ấp, khóm thuộc xã trên',
    orgKind: Object.values(ORG_KIND_LABELS).join(', '),
  };
  const guide = Object.entries(fields).map(([key, spec]): Cell[] => [
    spec.label,
    spec.required ? 'Bắt buộc' : 'Không bắt buộc',
    hints[key] ?? (key.startsWith('score:') ? 'Điểm (số, có thể lẻ nửa điểm) hoặc Đạt/Không đạt' : ''),
  ]);
  const content = await writeXlsx([
    { name: 'Danh sách', columns: Object.values(preset.columns).map((h) => col(h, Math.max(12, Math.min(30, h.length + 4)))), rows: [] },
    { name: 'Hướng dẫn', columns: [col('Cột', 30), col('Bắt buộc', 16), col('Cách ghi', 60)], rows: guide },
  ]);
  return file(`mau-danh-sach-${IMPORT_KIND_LABELS[kind]}${set ? `-${set.row.name}` : ''}`, content, 0);
}
