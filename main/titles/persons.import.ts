import type Database from 'better-sqlite3';
import { AppError, type FieldIssue } from '../../shared/errors.js';
import { MAX_REPORTED_ISSUES } from '../../shared/jobs.js';
import { formatVietnameseNumber } from '../../shared/numbers.js';
import { foldText } from '../../shared/text.js';
import { IdNumber, SubjectFields, maskIdNumber } from '../../shared/titles.js';
import {
  MAX_PERSON_IMPORT_BYTES,
  MAX_PERSON_IMPORT_ROWS,
  PERSON_COLUMNS,
  REQUIRED_PERSON_COLUMNS,
  type PersonColumn,
  type PersonImportResult,
} from '../../shared/titles-import.js';
import { BulkRecordWriter } from '../db/bulk-records.js';
import type { CancelToken, Progress } from '../jobs/index.js';
import { cellText, openBoundedSheet, type CellValue } from '../xlsx/index.js';
import type { Place } from './places.js';
import { subjectColumns } from './subjects.service.js';

/**
 * A list of people from a commune (.xlsx), run in the import worker on its own
 * connection: every row checked (fields, commune and hamlet, duplicates in the
 * sheet and against the people already stored), then all written in one
 * transaction, or nothing when any row is wrong.
 */

export interface PersonImportOptions {
  columns: Partial<Record<PersonColumn, string>>;
  dryRun: boolean;
  at: string;
  actor: string;
  officeId: string;
}

const MAX_COLUMNS = 64;
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
  communes: Map<string, Place>;
  hamlets: Map<string, Map<string, Place>>;
  places: Map<string, Place>;
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
  for (const p of places.values()) {
    if (p.depth === 1) communes.set(unitKey(byId.get(p.id)!.name), p);
    else if (p.depth >= 2 && p.communeId) {
      const inCommune = hamlets.get(p.communeId) ?? new Map<string, Place>();
      inCommune.set(unitKey(byId.get(p.id)!.name), p);
      hamlets.set(p.communeId, inCommune);
    }
  }
  return { communes, hamlets, places };
}

function columnPositions(row: number, headers: string[], chosen: Partial<Record<PersonColumn, string>>, issues: Issues): Map<PersonColumn, number> {
  const folded = headers.map((h) => foldText(h.slice(0, 200)));
  const positions = new Map<PersonColumn, number>();
  for (const [field, spec] of Object.entries(PERSON_COLUMNS) as [PersonColumn, (typeof PERSON_COLUMNS)[PersonColumn]][]) {
    const wanted = chosen[field];
    if (wanted !== undefined && wanted !== '') {
      const index = folded.indexOf(foldText(wanted));
      if (index < 0) issues.add(row, spec.label, `Không có cột ${quote(wanted)} (đã chọn cho "${spec.label}") ở dòng tiêu đề`);
      else positions.set(field, index);
      continue;
    }
    const index = folded.findIndex((h) => (spec.headers as readonly string[]).includes(h));
    if (index >= 0) positions.set(field, index);
  }
  for (const field of REQUIRED_PERSON_COLUMNS) {
    if (!positions.has(field) && chosen[field] === undefined) issues.add(row, PERSON_COLUMNS[field].label, `Thiếu cột "${PERSON_COLUMNS[field].label}" ở dòng tiêu đề`);
  }
  return positions;
}

interface SheetPerson {
  row: number;
  fields: SubjectFields;
  place: Place;
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
function idNumberOf(value: CellValue): string {
  const text = cellText(value).trim().replace(/\s+/g, '');
  return typeof value === 'number' && /^\d{11}$/.test(text) ? `0${text}` : text;
}

function readRow(row: number, cells: CellValue[], positions: Map<PersonColumn, number>, territory: Territory, issues: Issues): SheetPerson | null {
  const cell = (field: PersonColumn): CellValue => {
    const index = positions.get(field);
    return index === undefined ? null : (cells[index] ?? null);
  };
  const text = (field: PersonColumn) => cellText(cell(field)).trim();
  if ([...positions.keys()].every((f) => text(f) === '')) return null;
  const before = issues.count;
  const fail = (field: PersonColumn, message: string) => issues.add(row, PERSON_COLUMNS[field].label, message);

  const commune = territory.communes.get(unitKey(text('commune')));
  if (text('commune') === '') fail('commune', 'Thiếu tên xã');
  else if (!commune) fail('commune', `Không có xã ${quote(text('commune'))} trong địa bàn`);
  let place = commune;
  if (commune && text('hamlet') !== '') {
    place = territory.hamlets.get(commune.id)?.get(unitKey(text('hamlet')));
    if (!place) fail('hamlet', `Xã ${commune.name.replace(/^\S+ /, '')} không có ấp ${quote(text('hamlet'))}`);
  }
  const birth = birthYearOf(cell('birthYear'));
  if (typeof birth === 'string') fail('birthYear', birth);
  const genderText = foldText(text('gender'));
  const gender = genderText === '' ? null : genderText === 'nam' ? 'nam' : genderText === 'nu' ? 'nu' : undefined;
  if (gender === undefined) fail('gender', `Giới tính ${quote(text('gender'))} phải là Nam hoặc Nữ`);
  const id = idNumberOf(cell('idNumber'));
  if (id !== '' && !IdNumber.safeParse(id).success) fail('idNumber', `Số CCCD ${quote(id)} phải gồm 12 (hoặc 9) chữ số`);
  if (issues.count > before || !place) return null;

  const parsed = SubjectFields.safeParse({
    kind: 'person',
    name: text('name'),
    unitId: place.id,
    birthYear: birth,
    gender,
    ethnicity: text('ethnicity'),
    religion: text('religion'),
    labourGroup: text('labourGroup'),
    idNumber: id === '' ? null : id,
  });
  if (!parsed.success) {
    const field: Record<string, PersonColumn> = { name: 'name', birthYear: 'birthYear', ethnicity: 'ethnicity', religion: 'religion', labourGroup: 'labourGroup' };
    for (const issue of parsed.error.issues) fail(field[String(issue.path[0])] ?? 'name', issue.message);
    return null;
  }
  return { row, fields: parsed.data, place };
}

/** Same person twice in the sheet, or already stored: same CCCD, or same folded name, birth year and hamlet. */
function checkDuplicates(sqlite: Database.Database, people: SheetPerson[], issues: Issues, cancel: CancelToken): void {
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  const storedById = sqlite.prepare("SELECT name FROM titleSubjects WHERE idNumber = ? AND kind = 'person' AND deletedAt IS NULL LIMIT 1").pluck();
  const storedByName = sqlite
    .prepare("SELECT name FROM titleSubjects WHERE kind = 'person' AND deletedAt IS NULL AND nameFolded = ? AND unitId = ? AND birthYear IS ? LIMIT 1")
    .pluck();
  for (const [i, p] of people.entries()) {
    if (i % CHUNK === 0) cancel.throwIfCancelled();
    const nameKey = `${foldText(p.fields.name)}\u0000${p.fields.birthYear}\u0000${p.place.id}`;
    const id = p.fields.idNumber;
    const sameId = id === null ? undefined : byId.get(id);
    const sameName = byName.get(nameKey);
    if (sameId !== undefined) issues.add(p.row, PERSON_COLUMNS.idNumber.label, `Trùng số CCCD với dòng ${sameId}`);
    else if (sameName !== undefined) issues.add(p.row, PERSON_COLUMNS.name.label, `Trùng họ tên, năm sinh và nơi ở với dòng ${sameName}`);
    else if (id !== null && storedById.get(id) !== undefined) issues.add(p.row, PERSON_COLUMNS.idNumber.label, `Số CCCD đã có trong dữ liệu (${storedById.get(id) as string})`);
    else if (storedByName.get(foldText(p.fields.name), p.place.id, p.fields.birthYear) !== undefined) {
      issues.add(p.row, PERSON_COLUMNS.name.label, `Đã có ${p.fields.name}${p.fields.birthYear ? `, sinh năm ${p.fields.birthYear}` : ''} ở ${p.place.label}`);
    }
    if (id !== null && sameId === undefined) byId.set(id, p.row);
    if (sameName === undefined) byName.set(nameKey, p.row);
  }
}

export async function importPersons(sqlite: Database.Database, content: Buffer, options: PersonImportOptions, progress: Progress, cancel: CancelToken): Promise<PersonImportResult> {
  progress('checking', 0, null);
  if (content.length > MAX_PERSON_IMPORT_BYTES) throw new AppError('IMPORT_INVALID', 'Tệp quá lớn (tối đa 20 MB).');
  const sheet = await openBoundedSheet(content, { maxRows: MAX_PERSON_IMPORT_ROWS + 1, maxColumns: MAX_COLUMNS }, { cancel, dates: true });
  const issues = new Issues(sheet.name);
  const total = sheet.declaredRows === null ? null : sheet.declaredRows - 1;
  const territory = loadTerritory(sqlite);

  progress('reading', 0, total);
  const people: SheetPerson[] = [];
  let headers: string[] | null = null;
  let positions = new Map<PersonColumn, number>();
  let read = 0;
  for await (const { row, cells } of sheet.rows()) {
    if (headers === null) {
      headers = cells.map((c) => cellText(c).trim().slice(0, 200));
      positions = columnPositions(row, headers, options.columns, issues);
      if (issues.count > 0) throw issues.refuse();
      continue;
    }
    const person = readRow(row, cells, positions, territory, issues);
    if (person) people.push(person);
    progress('reading', ++read, total);
  }
  if (headers === null) issues.add(1, PERSON_COLUMNS.name.label, 'Bảng tính không có dòng tiêu đề');
  else if (people.length === 0 && issues.count === 0) issues.add(2, PERSON_COLUMNS.name.label, 'Bảng tính không có dòng dữ liệu nào');

  progress('validating', 0, people.length);
  // Checked and written under one lock, so what was checked is what is written.
  sqlite.exec(options.dryRun ? 'BEGIN' : 'BEGIN IMMEDIATE');
  try {
    checkDuplicates(sqlite, people, issues, cancel);
    if (issues.count > 0) throw issues.refuse();
    const mapped = Object.fromEntries([...positions].map(([field, index]) => [field, headers![index] ?? '']));
    const preview = people.slice(0, PREVIEW_ROWS).map((p) => ({
      row: p.row,
      name: p.fields.name,
      birthYear: p.fields.birthYear,
      gender: p.fields.gender === 'nam' ? 'Nam' : p.fields.gender === 'nu' ? 'Nữ' : '',
      place: p.place.label,
      idNumber: maskIdNumber(p.fields.idNumber),
    }));
    const result = { headers: headers ?? [], mapped, rows: people.length, created: people.length, preview, applied: false };
    if (options.dryRun) return result;
    const writer = new BulkRecordWriter(sqlite, { at: options.at, actor: options.actor, operation: 'subjects.importXlsx', officeId: options.officeId });
    for (const [i, p] of people.entries()) {
      if (i % CHUNK === 0) {
        cancel.throwIfCancelled();
        progress('writing', i, people.length);
      }
      writer.insert('titleSubjects', subjectColumns(p.fields, p.place));
    }
    sqlite.exec('COMMIT');
    progress('writing', people.length, people.length);
    return { ...result, applied: true };
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}
