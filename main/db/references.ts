import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { AppError } from '../../shared/errors.js';
import type { ReadDb } from './records.js';
import type { TableRegistration } from './table-registry.js';
import { referrersOf, tableRegistration } from './tables.js';

type Row = Record<string, unknown> & { id: string };
const loose = (db: ReadDb) => db as unknown as Kysely<any>;

/**
 * What still refers to a record, as Vietnamese phrases ("1 nhiệm vụ của kế
 * hoạch 4344/KH-UBND", "3 đơn vị trực thuộc"), read from the tables' registered
 * `restrict` references: a feature joins by registering, not by being imported here.
 */
export async function describeReferrers(db: ReadDb, table: string, id: string): Promise<string[]> {
  const phrases: string[] = [];
  for (const { registration, ref } of referrersOf(table)) {
    if (ref.onDelete !== 'restrict') continue;
    const noun = ref.noun ?? registration.name;
    const pointing = pointingAt(db, registration.name, ref.column, id, ref.jsonArray === true);
    const { count } = (await pointing.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()) as { count: number };
    if (Number(count) === 0) continue;
    // Thousands of people in a commune are one count, not a walk to each one's owner.
    if (Number(count) > OWNER_WALK_LIMIT) phrases.push(`${Number(count).toLocaleString('vi-VN')} ${noun}`);
    else phrases.push(...(await phrasesFor(db, registration, (await pointing.selectAll().execute()) as Row[], noun)));
  }
  return phrases;
}

/** Refuses deleting a record something still refers to, naming each use. */
export async function assertUnreferenced(db: ReadDb, table: string, id: string, what: string): Promise<void> {
  const uses = await describeReferrers(db, table, id);
  if (uses.length > 0) throw new AppError('IN_USE', `Không thể xóa ${what} vì còn: ${uses.join('; ')}.`, { uses });
}

const OWNER_WALK_LIMIT = 200;

/** The live rows of `table` whose column points at the record (or whose JSON array of ids holds it). */
function pointingAt(db: ReadDb, table: string, column: string, id: string, jsonArray: boolean) {
  const query = loose(db).selectFrom(table).where('deletedAt', 'is', null);
  return jsonArray
    ? query.where(sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value = ${id})`)
    : query.where(column, '=', id);
}

/**
 * Counts the referring records per owner. A link row counts the record it
 * links (two roles on one task are one task); the owner is found by walking
 * the registered owner columns up to a table that can name its rows.
 */
async function phrasesFor(db: ReadDb, registration: TableRegistration, rows: Row[], noun: string): Promise<string[]> {
  const counted = new Map<string | null, Set<string>>();
  for (const row of rows) {
    const countedId = registration.linkKey && registration.ownerColumn ? String(row[registration.ownerColumn]) : row.id;
    const owner = await ownerLabel(db, registration, row);
    counted.set(owner, (counted.get(owner) ?? new Set()).add(countedId));
  }
  return [...counted].map(([owner, ids]) => (owner ? `${ids.size} ${noun} của ${owner}` : `${ids.size} ${noun}`));
}

async function ownerLabel(db: ReadDb, registration: TableRegistration, row: Row): Promise<string | null> {
  let current: { registration: TableRegistration; row: Row } = { registration, row };
  for (let depth = 0; depth < 8 && current.registration.ownerColumn; depth++) {
    const column = current.registration.ownerColumn;
    const parentTable = current.registration.parents.find((p) => p.column === column)!.table;
    const parentId = current.row[column];
    if (typeof parentId !== 'string') return null;
    const parent = (await loose(db).selectFrom(parentTable).selectAll().where('id', '=', parentId).executeTakeFirst()) as Row | undefined;
    if (!parent) return null;
    const parentRegistration = tableRegistration(parentTable);
    if (parentRegistration.label) return parentRegistration.label(parent);
    current = { registration: parentRegistration, row: parent };
  }
  return null;
}
