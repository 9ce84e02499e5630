import { Flex, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState, type Key } from 'react';
import { useNavigate } from 'react-router';
import type { UnitDto } from '../../shared/units';
import { EmptyState } from '../components/EmptyState';
import { ancestorsOfMatches, buildUnitTree, displayNameOf, filterUnitTree, type UnitTreeNode } from './unitTree';
import { FilterBox } from '../components/FilterBox';
import { ExportButton } from '../components/ExportButton';
import { useAvailableHeight } from '../components/useAvailableHeight';

function toDataNodes(nodes: UnitTreeNode[]): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    title: (
      <span>
        {displayNameOf(unit)}
        <span className="xhht-tree-code">{unit.code}</span>
      </span>
    ),
    children: toDataNodes(children),
  }));
}

/** The unit tree with a filter that ignores diacritics ("tan ho co" finds "Tân Hộ Cơ"). */
export function UnitTreePanel({ units, selectedId }: { units: UnitDto[]; selectedId: string | undefined }) {
  const navigate = useNavigate();
  const [filter, setFilter] = useState('');
  const roots = useMemo(() => buildUnitTree(units), [units]);
  const visible = useMemo(() => filterUnitTree(roots, filter), [roots, filter]);
  const [opened, setOpened] = useState<Key[]>(() => pathKeys(units, selectedId));
  // A unit chosen elsewhere (search, breadcrumb) must be visible in the tree.
  useEffect(() => setOpened((keys) => [...new Set([...keys, ...pathKeys(units, selectedId)])]), [units, selectedId]);
  const filtering = filter.trim() !== '';
  const expandedKeys = useMemo(() => (filtering ? ancestorsOfMatches(roots, filter) : opened), [filtering, roots, filter, opened]);
  const treeData = useMemo(() => toDataNodes(visible), [visible]);
  const height = useAvailableHeight(300);

  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <div style={{ flex: 1 }}>
          <FilterBox label="Lọc đơn vị" placeholder="Lọc theo tên hoặc mã (gõ không dấu cũng được)" value={filter} onChange={setFilter} />
        </div>
        <ExportButton op="units.export" input={{ search: filter }} ariaLabel="Xuất Excel cây đơn vị đang lọc" />
      </Flex>
      {visible.length === 0 ? (
        <EmptyState title={`Không có đơn vị nào khớp “${filter}”`} hint="Thử gõ ít chữ hơn hoặc xóa ô lọc." />
      ) : (
        <div>
          {/* With a height, the tree renders only the rows in view: thousands of units stay quick to filter and scroll. */}
          <Tree
            aria-label="Cây đơn vị hành chính"
            blockNode
            showLine
            height={height}
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => !filtering && setOpened(keys)}
            onSelect={(keys) => keys[0] !== undefined && navigate(`/units/${String(keys[0])}`)}
          />
        </div>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        {units.length === 1
          ? 'Mới có địa bàn của cơ quan. Chọn nó rồi bấm “Thêm đơn vị trực thuộc”, hoặc bấm “Nhập từ Excel” để thêm cả danh sách.'
          : `${units.length} đơn vị`}
      </Typography.Text>
    </>
  );
}

/** The territory and the way down to the selected unit. */
function pathKeys(units: UnitDto[], selectedId: string | undefined): Key[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const keys = units.filter((u) => u.depth === 0).map((u) => u.id);
  let current = selectedId ? byId.get(selectedId) : undefined;
  while (current?.parentId) {
    keys.push(current.parentId);
    current = byId.get(current.parentId);
  }
  return keys;
}
