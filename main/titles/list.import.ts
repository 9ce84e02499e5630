import type Database from 'better-sqlite3';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { MAX_REPORTED_ISSUES } from '../../shared/jobs.js';
import { formatVietnameseNumber } from '../../shared/numbers.js';
import { foldText } from '../../shared/text.js';
import { IdNumber, ORG_KIND_LABELS, SUBJECT_KIND_LABELS, SUBJECT_OF_TITLE, SubjectFields, maskIdNumber, type OrgKind, type SubjectKind } from '../../shared/titles.js';
import { AreaKind, CriteriaSetDefinition, TITLE_LABELS, checkScores, indicatorsOf, scoreEvaluation, type Scores } from '../../shared/titles-criteria.js';
import {
  MAX_LIST_IMPORT_BYTES,
  MAX_LIST_IMPORT_ROWS,
  SCORE_FIELD_PREFIX,
  guessMapping,
  importFields,
  type ImportField,
  type ImportKind,
  type ListImportResult,
  type Mapping,
} from '../../shared/titles-import.js';
import { BulkRecordWriter } from '../db/bulk-records.js';
import type { CancelToken, Progress } from '../jobs/index.js';
import { cellNumber, cellText, openBoundedSheet, type CellValue } from '../xlsx/index.js';
import { resultColumns } from './evaluations.service.js';
import type { Place } from './places.js';
import { subjectColumns } from './subjects.service.js';

/**
 * A titles list from a commune (.xlsx): people, households, clans,
 * organisations, or the scores of a year's evaluations. Run in the import
 * worker on its own connection: the header row mapped to fields, every row
 * checked (fields, commune and hamlet, score ranges, duplicates in the sheet
 * and against what is stored), then all written in one transaction, or
 * nothing when any row is wrong.
 */

export interface ListImportOptions {
  kind: ImportKind;
  columns: Mapping;
  criteriaSetId?: string | undefined;
  year?: number | undefined;
  headersOnly: boolean;
  dryRun: boolean;
  at: string;
  actor: string;
  officeId: string;
}

const MAX_COLUMNS = 128;
const PREVIEW_ROWS = 20;
const CHUNK = 2000;

class Issues {
  readonly list: FieldIssue[] = [];
  count = 0;
  constructor(readonly sheet: string) {}
  add(row: number, column: string, message: string): void {
    this.count++;
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ path: [this.sheet, row, column], message });
  }
  refuse(): AppError {
    const shown = this.count > this.list.length ? ` Dưới đây là ${this.list.length} lỗi đầu tiên.` : '';
    return new AppError('IMPORT_INVALID', `Danh sách có ${formatVietnameseNumber(this.count)} lỗi; chưa có gì được ghi.${shown}`, { issues: this.list, issueCount: this.count });
  }
}

const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
/** "Xã Tân Hộ Cơ", "xa tan ho co" and "Tân Hộ Cơ" name the same unit. */
const TYPE_WORDS = /^(xa|phuong|thi tran|ap|khom|thon|ban|to dan pho|to|khu pho|khu|xom|buon|soc|phum) /;
const unitKey = (text: string) => foldText(text).replace(TYPE_WORDS, '');

interface Territory {
  root: Place | null;
  communes: Map<string, Place>;
  hamlets: Map<string, Map<string, Place>>;
}

/** The communes and hamlets a row may name, by folded name without its type word. */
function loadTerritory(sqlite: Database.Database): Territory {
  const rows = sqlite.prepare('SELECT id, parentId, name, type FROM units WHERE deletedAt IS NULL').all() as { id: string; parentId: string | null; name: string; type: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let u = byId.get(id); u?.parentId && depth < 20; u = byId.get(u.parentId)) depth++;
    return depth;
  };
  const places = new Map<string, Place>();
  for (const r of rows) {
    const depth = depthOf(r.id);
    let commune: (typeof rows)[number] | undefined = r;
    for (let d = depth; d > 1 && commune; d--) commune = commune.parentId ? byId.get(commune.parentId) : undefined;
    const communeId = depth >= 1 && commune ? commune.id : null;
    const name = `${r.type} ${r.name}`;
    const label = communeId && communeId !== r.id ? `${name}, ${byId.get(communeId)!.type.toLocaleLowerCase('vi')} ${byId.get(communeId)!.name}` : name;
    places.set(r.id, { id: r.id, name, label, depth, communeId });
  }
  const communes = new Map<string, Place>();
  const hamlets = new Map<string, Map<string, Place>>();
  let root: Place | null = null;
  for (const p of places.values()) {
    if (p.depth === 0) root = p;
    else if (p.depth === 1) communes.set(unitKey(byId.get(p.id)!.name), p);
    else if (p.communeId) {
      const inCommune = hamlets.get(p.communeId) ?? new Map<string, Place>();
      inCommune.set(unitKey(byId.get(p.id)!.name), p);
      hamlets.set(p.communeId, inCommune);
    }
  }
  return { root, communes, hamlets };
}

/** The column each field is read from: the officer's choice ('' for none), else the guess from the headers. */
function columnPositions(row: number, headers: string[], fields: Record<string, ImportField>, chosen: Mapping, issues: Issues, refuseMissing: boolean): Map<string, number> {
  const folded = headers.map((h) => foldText(h));
  const guessed = guessMapping(fields, headers);
  const positions = new Map<string, number>();
  for (const [field, spec] of Object.entries(fields)) {
    const wanted = chosen[field];
    if (wanted !== undefined) {
      if (wanted === '') continue;
      const index = folded.indexOf(foldText(wanted));
      if (index < 0) issues.add(row, spec.label, `Không có cột ${quote(wanted)} (đã chọn cho "${spec.label}") ở dòng tiêu đề`);
      else positions.set(field, index);
      continue;
    }
    if (guessed[field] !== undefined) positions.set(field, headers.indexOf(guessed[field]));
  }
  if (refuseMissing) {
    for (const [field, spec] of Object.entries(fields)) if (spec.required && !positions.has(field)) issues.add(row, spec.label, `Thiếu cột "${spec.label}" ở dòng tiêu đề`);
  }
  return positions;
}

/** One row's cells by field, and the way to report a problem in the field's column. */
interface RowReader {
  row: number;
  cell(field: string): CellValue;
  text(field: string): string;
  fail(field: string, message: string): void;
}

interface Checked<T> {
  row: number;
  item: T;
}

/**
 * What one kind of list does with its rows: read one (null when it is wrong,
 * its problems reported), check the rows against each other and the stored
 * data, preview and write them.
 */
interface ListKind<T> {
  fields: Record<string, ImportField>;
  read(r: RowReader): T | null;
  checkDuplicates(rows: Checked<T>[], issues: Issues, cancel: CancelToken): void;
  previewColumns: string[];
  preview(item: T): string[];
  write(writer: BulkRecordWriter, item: T): void;
}

/** The commune and hamlet named by a row: the hamlet when given, else the commune, else (when allowed) the territory. */
function placeOfRow(r: RowReader, territory: Territory, communeRequired: boolean): Place | null {
  const communeText = r.text('commune');
  const hamletText = r.text('hamlet');
  if (communeText === '') {
    if (communeRequired || hamletText !== '') r.fail('commune', 'Thiếu tên xã');
    return communeRequired || hamletText !== '' ? null : territory.root;
  }
  const commune = territory.communes.get(unitKey(communeText));
  if (!commune) {
    r.fail('commune', `Không có xã ${quote(communeText)} trong địa bàn`);
    return null;
  }
  if (hamletText === '') return commune;
  const hamlet = territory.hamlets.get(commune.id)?.get(unitKey(hamletText));
  if (!hamlet) r.fail('hamlet', `${commune.name} không có ấp ${quote(hamletText)}`);
  return hamlet ?? null;
}

/** A birth year from a year, a date cell, or a "dd/mm/yyyy" text. */
function birthYearOf(value: CellValue): number | null | string {
  if (value === null || cellText(value).trim() === '') return null;
  if (value instanceof Date) return value.getUTCFullYear();
  const text = cellText(value).trim();
  const match = /^(?:\d{1,2}[/.-]\d{1,2}[/.-])?(\d{4})$/.exec(text);
  return match ? Number(match[1]) : `Năm sinh ${quote(text)} không đọc được (ghi năm, ví dụ 1980, hoặc ngày dd/mm/yyyy)`;
}

/** A CCCD typed into a number cell loses its leading zero (every CCCD starts with 0): it is given back. */
function idNumberOf(r: RowReader): string | null {
  const value = r.cell('idNumber');
  const text = cellText(value).trim().replace(/\s+/g, '');
  const id = typeof value === 'number' && /^\d{11}$/.test(text) ? `0${text}` : text;
  if (id === '') return null;
  if (!IdNumber.safeParse(id).success) {
    r.fail('idNumber', `Số CCCD ${quote(id)} phải gồm 12 (hoặc 9) chữ số`);
    return null;
  }
  return id;
}

const ORG_KINDS = new Map(Object.entries(ORG_KIND_LABELS).map(([kind, label]) => [foldText(label), kind as OrgKind]));

// ---------------------------------------------------------------------------
// Subjects: people, households, clans, organisations.

interface SheetSubject {
  fields: SubjectFields;
  place: Place;
}

function subjectList(sqlite: Database.Database, kind: SubjectKind, territory: Territory): ListKind<SheetSubject> {
  const fields = importFields(kind);
  const label = (field: string) => fields[field]?.label ?? field;
  const read = (r: RowReader): SheetSubject | null => {
    let failed = false;
    const fail = (field: string, message: string) => ((failed = true), r.fail(field, message));
    const reader: RowReader = { ...r, fail };
    const place = placeOfRow(reader, territory, fields.commune?.required === true);
    // A stand-in id when the place is wrong (already reported), so the row's other fields are still checked.
    const values: Record<string, unknown> = { kind, name: r.text('name'), unitId: place?.id ?? '00000000-0000-7000-8000-000000000000' };
    if (kind === 'person') {
      const birth = birthYearOf(r.cell('birthYear'));
      if (typeof birth === 'string') fail('birthYear', birth);
      else values.birthYear = birth;
      const genderText = foldText(r.text('gender'));
      if (genderText === 'nam' || genderText === 'nu') values.gender = genderText;
      else if (genderText !== '') fail('gender', `Giới tính ${quote(r.text('gender'))} phải là Nam hoặc Nữ`);
      values.idNumber = idNumberOf(reader);
      Object.assign(values, { ethnicity: r.text('ethnicity'), religion: r.text('religion'), labourGroup: r.text('labourGroup') });
    }
    if (kind === 'organisation') {
      const orgKind = ORG_KINDS.get(foldText(r.text('orgKind')));
      if (!orgKind) fail('orgKind', `Loại ${quote(r.text('orgKind'))} phải là một trong: ${Object.values(ORG_KIND_LABELS).join(', ')}`);
      Object.assign(values, { orgKind: orgKind ?? null, orgLevel: r.text('orgLevel') });
    }
    for (const field of ['address', 'representative', 'note'] as const) if (field in fields) values[field] = r.text(field);
    const parsed = SubjectFields.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        fail(field in fields ? field : 'name', issue.message);
      }
    }
    return failed || !parsed.success || !place ? null : { fields: parsed.data, place };
  };

  const checkDuplicates = (rows: Checked<SheetSubject>[], issues: Issues, cancel: CancelToken) => {
    const byId = new Map<string, number>();
    const byName = new Map<string, number>();
    const storedById = sqlite.prepare('SELECT name FROM titleSubjects WHERE idNumber = ? AND kind = ? AND deletedAt IS NULL LIMIT 1').pluck();
    const storedByName = sqlite.prepare('SELECT name FROM titleSubjects WHERE kind = ? AND deletedAt IS NULL AND nameFolded = ? AND unitId = ? AND birthYear IS ? LIMIT 1').pluck();
    for (const [i, { row, item }] of rows.entries()) {
      if (i % CHUNK === 0) cancel.throwIfCancelled();
      const nameKey = `${foldText(item.fields.name)}\u0000${item.fields.birthYear}\u0000${item.place.id}`;
      const id = item.fields.idNumber;
      const sameId = id === null ? undefined : byId.get(id);
      const sameName = byName.get(nameKey);
      const what = kind === 'person' ? 'họ tên, năm sinh và nơi ở' : 'tên và địa bàn';
      if (sameId !== undefined) issues.add(row, label('idNumber'), `Trùng số CCCD với dòng ${sameId}`);
      else if (sameName !== undefined) issues.add(row, label('name'), `Trùng ${what} với dòng ${sameName}`);
      else if (id !== null && storedById.get(id, kind) !== undefined) issues.add(row, label('idNumber'), `Số CCCD đã có trong dữ liệu (${storedById.get(id, kind) as string})`);
      else if (storedByName.get(kind, foldText(item.fields.name), item.place.id, item.fields.birthYear) !== undefined) {
        issues.add(row, label('name'), `Đã có ${item.fields.name}${item.fields.birthYear ? `, sinh năm ${item.fields.birthYear}` : ''} ở ${item.place.label}`);
      }
      if (id !== null && sameId === undefined) byId.set(id, row);
      if (sameName === undefined) byName.set(nameKey, row);
    }
  };

  const gender = (g: SubjectFields['gender']) => (g === 'nam' ? 'Nam' : g === 'nu' ? 'Nữ' : '');
  const byKind: Record<SubjectKind, { columns: string[]; cells: (s: SheetSubject) => string[] }> = {
    person: {
      columns: ['Họ tên', 'Năm sinh', 'Giới tính', 'Nơi ở', 'CCCD'],
      cells: (s) => [s.fields.name, s.fields.birthYear === null ? '' : String(s.fields.birthYear), gender(s.fields.gender), s.place.label, maskIdNumber(s.fields.idNumber) ?? ''],
    },
    household: { columns: ['Tên hộ', 'Nơi ở', 'Địa chỉ'], cells: (s) => [s.fields.name, s.place.label, s.fields.address] },
    clan: { columns: ['Dòng họ', 'Địa bàn', 'Người đại diện'], cells: (s) => [s.fields.name, s.place.label, s.fields.representative] },
    organisation: {
      columns: ['Tên', 'Loại', 'Cấp', 'Địa bàn'],
      cells: (s) => [s.fields.name, s.fields.orgKind ? ORG_KIND_LABELS[s.fields.orgKind] : '', s.fields.orgLevel, s.place.label],
    },
  };
  return {
    fields,
    read,
    checkDuplicates,
    previewColumns: byKind[kind].columns,
    preview: byKind[kind].cells,
    write: (writer, s) => void writer.insert('titleSubjects', subjectColumns(s.fields, s.place)),
  };
}

// ---------------------------------------------------------------------------
// Evaluations: a year's scores on one criteria set, for subjects already stored.

interface SheetEvaluation {
  subjectId: string | null;
  subjectUnitId: string | null;
  communeId: string | null;
  name: string;
  place: string;
  scores: Scores;
  evaluator: string;
  evidence: string;
}

interface LoadedSet {
  id: string;
  definition: CriteriaSetDefinition;
}

function loadCriteriaSet(sqlite: Database.Database, id: string, year: number): LoadedSet {
  const row = sqlite.prepare('SELECT id, name, current, definition FROM criteriaSets WHERE id = ? AND deletedAt IS NULL').get(id) as
    | { id: string; name: string; current: number; definition: string }
    | undefined;
  if (!row) throw new AppError('IMPORT_INVALID', 'Không tìm thấy bộ tiêu chí đã chọn (có thể đã bị xóa).');
  const definition = CriteriaSetDefinition.parse(JSON.parse(row.definition));
  if (row.current !== 1) throw new AppError('IMPORT_INVALID', `Bộ tiêu chí "${row.name}" đã có phiên bản mới hơn; hãy chọn phiên bản hiện hành.`);
  if (year < definition.fromYear || (definition.toYear !== null && year > definition.toYear)) {
    throw new AppError('IMPORT_INVALID', `Bộ tiêu chí "${row.name}" áp dụng từ năm ${definition.fromYear}${definition.toYear ? ` đến năm ${definition.toYear}` : ''}, không dùng cho năm ${year}.`);
  }
  return { id: row.id, definition };
}

/** A score cell: points as written ("8,5" too), or Đạt / Không đạt for a pass/fail indicator. */
function scoreOf(value: CellValue, passFail: boolean): number | null | string {
  if (value === null || cellText(value).trim() === '') return null;
  if (passFail && typeof value === 'string') {
    const folded = foldText(value);
    if (folded === 'dat' || folded === 'x' || folded === 'co') return 1;
    if (folded === 'khong dat' || folded === 'khong') return 0;
  }
  const parsed = cellNumber(value);
  if (parsed.kind === 'number') return parsed.value;
  return `Điểm ${quote(cellText(value))} không đọc được${passFail ? ' (ghi Đạt/Không đạt hoặc 1/0)' : ''}`;
}

function evaluationList(sqlite: Database.Database, set: LoadedSet, year: number, territory: Territory): ListKind<SheetEvaluation> {
  const { definition } = set;
  const fields = importFields('evaluation', definition.criteria);
  const subjectKind = SUBJECT_OF_TITLE[definition.title];
  // A hamlet or commune is named by the place columns alone.
  if (subjectKind === 'unit') fields.name = { ...fields.name!, required: false };
  fields.commune = { ...fields.commune!, required: subjectKind === 'unit' };
  const indicators = indicatorsOf(definition.criteria);
  const byIdNumber = sqlite.prepare("SELECT id, name, unitId, communeId FROM titleSubjects WHERE idNumber = ? AND kind = 'person' AND deletedAt IS NULL");
  const byName = sqlite.prepare('SELECT id, name, unitId, communeId, birthYear FROM titleSubjects WHERE kind = ? AND nameFolded = ? AND deletedAt IS NULL LIMIT 50');
  const areaOf = sqlite.prepare('SELECT area FROM titleAreas WHERE unitId = ? AND deletedAt IS NULL').pluck();
  const stored = sqlite.prepare('SELECT 1 FROM titleEvaluations WHERE deletedAt IS NULL AND title = ? AND year = ? AND (subjectId = ? OR subjectUnitId = ?)').pluck();
  type Found = { id: string; name: string; unitId: string; communeId: string | null; birthYear?: number | null };
  const kindLabel = subjectKind === 'unit' ? '' : SUBJECT_KIND_LABELS[subjectKind].toLocaleLowerCase('vi');

  /** The subject a row means: by CCCD, else by folded name within the hamlet (or commune) and, when given, birth year. */
  const findSubject = (r: RowReader): (Found & { place: string }) | null => {
    if (subjectKind === 'unit') {
      const place = placeOfRow(r, territory, true);
      if (!place) return null;
      const fits = definition.title === 'cong_dong_xa' ? place.depth === 1 : place.depth >= 2;
      if (!fits) {
        r.fail(definition.title === 'cong_dong_xa' ? 'commune' : 'hamlet', `Danh hiệu "${TITLE_LABELS[definition.title]}" không xét cho ${place.name}`);
        return null;
      }
      return { id: place.id, name: place.label, unitId: place.id, communeId: place.communeId, place: place.label };
    }
    const id = subjectKind === 'person' ? idNumberOf(r) : null;
    if (id !== null) {
      const found = byIdNumber.get(id) as Found | undefined;
      if (!found) r.fail('idNumber', `Không có cá nhân nào mang số CCCD ${maskIdNumber(id)} trong dữ liệu; hãy nhập danh sách cá nhân trước`);
      return found ? { ...found, place: found.unitId } : null;
    }
    const name = r.text('name');
    if (name === '') {
      r.fail('name', 'Thiếu tên đối tượng (hoặc số CCCD)');
      return null;
    }
    const place = placeOfRow(r, territory, false);
    if (!place && r.text('commune') !== '') return null;
    const birth = subjectKind === 'person' ? birthYearOf(r.cell('birthYear')) : null;
    if (typeof birth === 'string') {
      r.fail('birthYear', birth);
      return null;
    }
    const within = (f: Found) => !place || place.depth === 0 || (place.depth === 1 ? f.communeId === place.id : f.unitId === place.id);
    const matches = (byName.all(subjectKind, foldText(name)) as Found[]).filter((f) => within(f) && (birth === null || f.birthYear === birth));
    const where = place && place.depth > 0 ? ` ở ${place.label}` : '';
    if (matches.length === 0) r.fail('name', `Không tìm thấy ${kindLabel} ${quote(name)}${birth ? ` sinh năm ${birth}` : ''}${where} trong dữ liệu`);
    else if (matches.length > 1) r.fail('name', `Có ${matches.length} ${kindLabel} tên ${quote(name)}${where}; ghi thêm ${subjectKind === 'person' ? 'năm sinh, CCCD hoặc ' : ''}ấp để phân biệt`);
    return matches.length === 1 ? { ...matches[0]!, place: matches[0]!.unitId } : null;
  };

  const read = (r: RowReader): SheetEvaluation | null => {
    let failed = false;
    const reader: RowReader = { ...r, fail: (field, message) => ((failed = true), r.fail(field, message)) };
    const subject = findSubject(reader);
    const scores: Scores = {};
    for (const indicator of indicators) {
      const field = `${SCORE_FIELD_PREFIX}${indicator.code}`;
      const score = scoreOf(r.cell(field), indicator.kind === 'passFail');
      if (typeof score === 'string') reader.fail(field, score);
      else if (score !== null) {
        // Checked one at a time, so the problems come in the sheet's column order.
        const [issue] = checkScores(definition, { [indicator.code]: score });
        if (issue) reader.fail(field, issue.message);
        else scores[indicator.code] = score;
      }
    }
    if (failed || !subject) return null;
    const isUnit = subjectKind === 'unit';
    return {
      subjectId: isUnit ? null : subject.id,
      subjectUnitId: isUnit ? subject.id : null,
      communeId: subject.communeId,
      name: subject.name,
      place: subject.place,
      scores,
      evaluator: r.text('evaluator').slice(0, 200),
      evidence: r.text('evidence').slice(0, 4000),
    };
  };

  const checkDuplicates = (rows: Checked<SheetEvaluation>[], issues: Issues, cancel: CancelToken) => {
    const seen = new Map<string, number>();
    const nameColumn = fields.name!.label;
    for (const [i, { row, item }] of rows.entries()) {
      if (i % CHUNK === 0) cancel.throwIfCancelled();
      const key = item.subjectId ?? item.subjectUnitId!;
      const same = seen.get(key);
      if (same !== undefined) issues.add(row, nameColumn, `${item.name} đã có ở dòng ${same}`);
      else if (stored.get(definition.title, year, key, key) !== undefined) issues.add(row, nameColumn, `${item.name} đã có hồ sơ xét "${TITLE_LABELS[definition.title]}" năm ${year}`);
      else seen.set(key, row);
    }
  };

  const placeLabels = new Map<string, string>();
  const placeLabel = (unitId: string) => {
    let label = placeLabels.get(unitId);
    if (label === undefined) {
      const unit = sqlite.prepare('SELECT type, name FROM units WHERE id = ?').get(unitId) as { type: string; name: string } | undefined;
      label = unit ? `${unit.type} ${unit.name}` : '';
      placeLabels.set(unitId, label);
    }
    return label;
  };
  const area = (communeId: string | null) => AreaKind.catch('thuong').parse(communeId === null ? 'thuong' : (areaOf.get(communeId) ?? 'thuong'));
  return {
    fields,
    read,
    checkDuplicates,
    previewColumns: ['Đối tượng', 'Nơi ở', 'Tổng điểm', 'Kết quả'],
    preview: (e) => {
      const score = scoreEvaluation(definition, e.scores, area(e.communeId));
      return [e.name, e.subjectUnitId ? '' : placeLabel(e.place), String(score.total).replace('.', ','), score.result?.label ?? `Còn ${score.missing.length} chỉ số chưa chấm`];
    },
    write: (writer, e) => {
      const evaluationArea = area(e.communeId);
      const complete = scoreEvaluation(definition, e.scores, evaluationArea).missing.length === 0;
      writer.insert('titleEvaluations', {
        subjectId: e.subjectId,
        subjectUnitId: e.subjectUnitId,
        communeId: e.communeId,
        year,
        title: definition.title,
        criteriaSetId: set.id,
        area: evaluationArea,
        ...resultColumns(definition, e.scores, evaluationArea),
        // Scores from the paper form or the self-evaluation: a complete one has been through "tự đánh giá".
        status: complete ? 'tu_danh_gia' : 'dang_ky',
        evaluator: e.evaluator,
        evidence: e.evidence,
      });
    },
  };
}

// ---------------------------------------------------------------------------

export async function importList(sqlite: Database.Database, content: Buffer, options: ListImportOptions, progress: Progress, cancel: CancelToken): Promise<ListImportResult> {
  progress('checking', 0, null);
  if (content.length > MAX_LIST_IMPORT_BYTES) throw new AppError('IMPORT_INVALID', 'Tệp quá lớn (tối đa 20 MB).');
  const territory = loadTerritory(sqlite);
  let list: ListKind<unknown>;
  if (options.kind === 'evaluation') {
    if (!options.criteriaSetId || options.year === undefined) throw new AppError('VALIDATION', 'Chọn bộ tiêu chí và năm của danh sách điểm.');
    list = evaluationList(sqlite, loadCriteriaSet(sqlite, options.criteriaSetId, options.year), options.year, territory) as ListKind<unknown>;
  } else {
    list = subjectList(sqlite, options.kind, territory) as ListKind<unknown>;
  }
  const sheet = await openBoundedSheet(content, { maxRows: MAX_LIST_IMPORT_ROWS + 1, maxColumns: MAX_COLUMNS }, { cancel, dates: true });
  const issues = new Issues(sheet.name);
  const total = sheet.declaredRows === null ? null : sheet.declaredRows - 1;
  const fieldList = Object.entries(list.fields).map(([key, spec]) => ({ key, label: spec.label, required: spec.required === true }));
  const firstField = fieldList[0]!.label;

  progress('reading', 0, total);
  const rows: Checked<unknown>[] = [];
  let headers: string[] | null = null;
  let positions = new Map<string, number>();
  let read = 0;
  const mappedOf = () => Object.fromEntries([...positions].map(([field, index]) => [field, headers![index] ?? '']));
  for await (const { row, cells } of sheet.rows()) {
    if (headers === null) {
      headers = cells.map((c) => cellText(c).trim().slice(0, 200));
      positions = columnPositions(row, headers, list.fields, options.columns, issues, !options.headersOnly);
      if (options.headersOnly) break;
      if (issues.count > 0) throw issues.refuse();
      continue;
    }
    const cell = (field: string): CellValue => {
      const index = positions.get(field);
      return index === undefined ? null : (cells[index] ?? null);
    };
    const reader: RowReader = {
      row,
      cell,
      text: (field) => cellText(cell(field)).trim(),
      fail: (field, message) => issues.add(row, list.fields[field]?.label ?? field, message),
    };
    if ([...positions.keys()].every((f) => reader.text(f) === '')) continue;
    const item = list.read(reader);
    if (item !== null) rows.push({ row, item });
    progress('reading', ++read, total);
  }
  const base = { kind: options.kind, sheet: sheet.name, headers: headers ?? [], fields: fieldList, previewColumns: list.previewColumns };
  if (options.headersOnly) {
    if (headers === null) throw new AppError('IMPORT_INVALID', `Trang tính "${sheet.name}" không có dòng tiêu đề.`);
    return { ...base, mapped: mappedOf(), rows: 0, created: 0, preview: [], applied: false };
  }
  if (headers === null) issues.add(1, firstField, 'Bảng tính không có dòng tiêu đề');
  else if (rows.length === 0 && issues.count === 0) issues.add(2, firstField, 'Bảng tính không có dòng dữ liệu nào');

  progress('validating', 0, rows.length);
  // Checked and written under one lock, so what was checked is what is written.
  sqlite.exec(options.dryRun ? 'BEGIN' : 'BEGIN IMMEDIATE');
  try {
    list.checkDuplicates(rows, issues, cancel);
    if (issues.count > 0) throw issues.refuse();
    const preview = rows.slice(0, PREVIEW_ROWS).map(({ row, item }) => ({ row, cells: list.preview(item) }));
    const result = { ...base, mapped: mappedOf(), rows: rows.length, created: rows.length, preview, applied: false };
    if (options.dryRun) return result;
    const writer = new BulkRecordWriter(sqlite, { at: options.at, actor: options.actor, operation: 'subjects.importXlsx', officeId: options.officeId });
    for (const [i, { item }] of rows.entries()) {
      if (i % CHUNK === 0) {
        cancel.throwIfCancelled();
        progress('writing', i, rows.length);
      }
      list.write(writer, item);
    }
    sqlite.exec('COMMIT');
    progress('writing', rows.length, rows.length);
    return { ...result, applied: true };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}
