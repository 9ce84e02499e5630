import { MAX_EXPORT_ROWS, type XlsxFile } from '../../shared/list-export.js';
import { AppError } from '../../shared/errors.js';
import { formatVietnameseNumber } from '../../shared/numbers.js';
import { buildUnitTree, displayNameOf, filterUnitTree, type UnitTreeNode } from '../../shared/unit-tree.js';
import type { ReadDb } from '../db/records.js';
import { officeNameOf, writeXlsx, xlsxFile, type ListCell } from '../xlsx/index.js';
import { loadUnitTree } from './units.repo.js';

/** The level name the office gave a depth ("Xã/Thị trấn"); deeper than it named, the depth alone. */
async function levelNamesOf(db: ReadDb): Promise<string[]> {
  const row = await db.selectFrom('office').select('levelNames').executeTakeFirst();
  return row ? (JSON.parse(row.levelNames) as string[]) : [];
}

/** Depth first, as the tree on the page lists them: each unit with the path of the units above it. */
function* treeRows(nodes: UnitTreeNode[], levels: string[], path: string[] = []): Generator<ListCell[]> {
  for (const node of nodes) {
    const { unit } = node;
    const shown = displayNameOf(unit);
    yield [unit.depth, levels[unit.depth] ?? `Cấp ${unit.depth}`, unit.code, `${'    '.repeat(unit.depth)}${shown}`, unit.type, unit.name, path.join(' › ')];
    yield* treeRows(node.children, levels, [...path, shown]);
  }
}

const count = (nodes: UnitTreeNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);

/** The unit tree as the page shows it with its filter typed in: the same tree, the same filter, the same order. */
export async function exportUnits(db: ReadDb, search: string, today: string): Promise<XlsxFile> {
  const tree = filterUnitTree(buildUnitTree(await loadUnitTree(db)), search);
  const rows = count(tree);
  if (rows > MAX_EXPORT_ROWS) throw new AppError('VALIDATION', `Cây có ${formatVietnameseNumber(rows)} đơn vị, quá ${formatVietnameseNumber(MAX_EXPORT_ROWS)} dòng một tệp; hãy gõ vào ô lọc để thu hẹp.`);
  const content = await writeXlsx([
    {
      name: 'Đơn vị',
      heading: { title: 'Danh sách đơn vị hành chính', office: await officeNameOf(db), filters: search.trim() ? [`Lọc đơn vị: “${search.trim()}”`] : [], date: today },
      columns: [
        { header: 'Cấp (0 = địa bàn)', width: 9, type: 'integer' },
        { header: 'Cấp hành chính', width: 16 },
        { header: 'Mã', width: 14 },
        { header: 'Đơn vị (thụt lề theo cấp)', width: 36 },
        { header: 'Loại', width: 12 },
        { header: 'Tên', width: 24 },
        { header: 'Thuộc', width: 48 },
      ],
      rows: treeRows(tree, await levelNamesOf(db)),
      landscape: true,
    },
  ]);
  return xlsxFile(`danh-sach-don-vi-${today}`, content, rows);
}
