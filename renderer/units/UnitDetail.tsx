import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Space, Tabs, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateVi } from '../../shared/dates';
import type { UnitDetail as UnitDetailDto, UnitDto } from '../../shared/units';
import { apiQuery, useApiMutation } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { useConfirmDelete } from '../components/useConfirmDelete';
import { useOffice } from '../components/useOffice';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { EducationTab } from './EducationTab';
import { FiguresTab } from './FiguresTab';
import { MoveUnitModal } from './MoveUnitModal';
import { UnitFormModal } from './UnitFormModal';
import { displayNameOf } from './unitTree';
import { OfficerOnly } from '../accounts/OfficerOnly';

export function UnitDetail({ id, units }: { id: string; units: UnitDto[] }) {
  const detail = useQuery(apiQuery('units.get', { id }));
  return (
    <QueryView query={detail} loadingText="Đang tải thông tin đơn vị…">
      {(d) => <UnitDetailCard detail={d} units={units} />}
    </QueryView>
  );
}

type Dialog = 'add' | 'edit' | 'move' | null;

function UnitDetailCard({ detail, units }: { detail: UnitDetailDto; units: UnitDto[] }) {
  const { unit } = detail;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <Card
      title={displayNameOf(unit)}
      extra={
        <OfficerOnly>
          <UnitActions unit={unit} onOpen={setDialog} />
        </OfficerOnly>
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8 } }}
    >
      <UnitBreadcrumb detail={detail} />
      <UnitFacts detail={detail} />
      <Tabs
        items={[
          { key: 'figures', label: 'Số liệu hằng năm', children: <FiguresTab unit={unit} figures={detail.figures} childCount={detail.childCount} /> },
          ...(unit.depth >= 1
            ? [{ key: 'education', label: 'Giáo dục', children: <EducationTab unit={unit} rows={detail.education} /> }]
            : []),
          { key: 'evidence', label: 'Minh chứng', children: <EvidencePanel recordTable="units" recordId={unit.id} /> },
        ]}
      />
      <UnitFormModal open={dialog === 'add'} mode={{ kind: 'create', parent: unit }} onClose={close} />
      <UnitFormModal open={dialog === 'edit'} mode={{ kind: 'edit', unit }} onClose={close} />
      <MoveUnitModal open={dialog === 'move'} unit={unit} units={units} onClose={close} />
    </Card>
  );
}

function UnitBreadcrumb({ detail }: { detail: UnitDetailDto }) {
  const { unit } = detail;
  const path = detail.path.at(-1)?.id === unit.id ? detail.path : [...detail.path, unit];
  return (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={path.map((p) => ({
        key: p.id,
        title: p.id === unit.id ? displayNameOf(p) : <Link to={`/units/${p.id}`}>{displayNameOf(p)}</Link>,
      }))}
    />
  );
}

function UnitFacts({ detail }: { detail: UnitDetailDto }) {
  const { unit } = detail;
  const office = useOffice();
  const levelName = office?.levelNames[unit.depth];
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 8 }}
      items={[
        { key: 'code', label: 'Mã', children: unit.code },
        { key: 'name', label: 'Tên', children: unit.name },
        { key: 'type', label: 'Loại', children: unit.type },
        { key: 'level', label: 'Cấp', children: levelName ?? `Cấp ${unit.depth + 1}` },
        { key: 'children', label: 'Đơn vị trực thuộc', children: detail.childCount },
        { key: 'updated', label: 'Cập nhật', children: formatDateVi(unit.updatedAt) },
      ]}
    />
  );
}

function UnitActions({ unit, onOpen }: { unit: UnitDto; onOpen: (dialog: Dialog) => void }) {
  const navigate = useNavigate();
  const confirmDelete = useConfirmDelete();
  const remove = useApiMutation('units.delete', {
    successMessage: `Đã xóa ${displayNameOf(unit)}`,
    notifyError: true,
    onSuccess: () => navigate(unit.parentId ? `/units/${unit.parentId}` : '/units'),
  });
  const isRoot = unit.parentId === null;
  const askDelete = () =>
    confirmDelete(
      `Xóa ${displayNameOf(unit)}?`,
      'Đơn vị còn đơn vị trực thuộc hoặc đang được dùng trong kế hoạch thì không xóa được.',
      () => remove.mutateAsync({ id: unit.id, rev: unit.rev }),
    );
  return (
    <Space wrap size={8}>
      <Button type="primary" onClick={() => onOpen('add')}>
        Thêm đơn vị trực thuộc
      </Button>
      <Button onClick={() => onOpen('edit')}>Sửa</Button>
      <Tooltip title={isRoot ? 'Địa bàn của cơ quan là gốc của cây, không chuyển được' : undefined}>
        <Button onClick={() => onOpen('move')} disabled={isRoot}>
          Chuyển đơn vị cha
        </Button>
      </Tooltip>
      <Tooltip title={isRoot ? 'Không xóa được địa bàn của cơ quan' : undefined}>
        <Button danger onClick={askDelete} disabled={isRoot}>
          Xóa
        </Button>
      </Tooltip>
    </Space>
  );
}
