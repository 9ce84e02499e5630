import { Form, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { matchesFolded } from '../../shared/text';
import type { UnitDto } from '../../shared/units';
import { useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { buildUnitTree, displayNameOf, subtreeIds, type UnitTreeNode } from './unitTree';

interface ParentOption {
  value: string;
  title: string;
  searchText: string;
  disabled: boolean;
  children: ParentOption[];
}

function toOptions(nodes: UnitTreeNode[], excluded: Set<string>): ParentOption[] {
  return nodes.map(({ unit, children }) => ({
    value: unit.id,
    title: `${displayNameOf(unit)} (${unit.code})`,
    searchText: `${unit.type} ${unit.name} ${unit.code}`,
    // A unit cannot move under itself or under one of its own descendants.
    disabled: excluded.has(unit.id),
    children: toOptions(children, excluded),
  }));
}

/** Moves a unit (with everything below it) under another parent. */
export function MoveUnitModal({ open, unit, units, onClose }: { open: boolean; unit: UnitDto; units: UnitDto[]; onClose: () => void }) {
  const move = useApiMutation('units.move', { successMessage: `Đã chuyển ${displayNameOf(unit)}` });
  const options = useMemo(() => toOptions(buildUnitTree(units), subtreeIds(units, unit.id)), [units, unit.id]);

  const submit = async ({ parentId }: { parentId: string }) => {
    await move.mutateAsync({ id: unit.id, rev: unit.rev, parentId });
    onClose();
  };

  return (
    <FormModal<{ parentId: string }>
      title={`Chuyển ${displayNameOf(unit)} sang đơn vị cha khác`}
      open={open}
      onClose={onClose}
      onSubmit={submit}
      submitText="Chuyển"
      initialValues={{ parentId: unit.parentId ?? undefined }}
    >
      <Form.Item
        name="parentId"
        label="Đơn vị cha mới"
        extra="Các đơn vị trực thuộc của đơn vị này được chuyển theo."
        rules={[{ required: true, message: 'Chọn đơn vị cha mới' }]}
      >
        <TreeSelect
          treeData={options}
          treeDefaultExpandAll
          showSearch={{ filterTreeNode: (input, node) => matchesFolded(String((node as ParentOption).searchText), input) }}
          listHeight={360}
        />
      </Form.Item>
    </FormModal>
  );
}
