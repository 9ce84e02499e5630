import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { apiQuery } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { ImportUnitsModal } from './ImportUnitsModal';
import { UnitDetail } from './UnitDetail';
import { UnitTreePanel } from './UnitTreePanel';
import { OfficerOnly } from '../accounts/OfficerOnly';

/** The territory's unit tree on the left, the chosen unit on the right. */
export function UnitsPage() {
  const { id } = useParams();
  const tree = useQuery(apiQuery('units.tree', {}));
  const [importing, setImporting] = useState(false);
  const selectedId = id ?? tree.data?.find((u) => u.depth === 0)?.id ?? tree.data?.[0]?.id;

  return (
    <>
      <PageHeader
        title="Đơn vị hành chính"
        subtitle="Địa bàn của cơ quan, các đơn vị trực thuộc và số liệu hằng năm của từng đơn vị."
        extra={
          <OfficerOnly>
            <Button onClick={() => setImporting(true)}>Nhập từ Excel</Button>
          </OfficerOnly>
        }
      />
      <QueryView query={tree} loadingText="Đang tải cây đơn vị…">
        {(units) =>
          units.length === 0 ? (
            <Card>
              <EmptyState
                title="Chưa có đơn vị nào"
                hint="Bấm “Nhập từ Excel” để nhập danh sách đơn vị từ một bảng tính."
                action={<Button onClick={() => setImporting(true)}>Nhập từ Excel</Button>}
              />
            </Card>
          ) : (
            <Row gutter={[16, 16]} align="top">
              <Col xs={24} lg={9} xxl={7}>
                <Card title="Cây đơn vị" size="small">
                  <UnitTreePanel units={units} selectedId={selectedId} />
                </Card>
              </Col>
              <Col xs={24} lg={15} xxl={17}>
                {selectedId && <UnitDetail key={selectedId} id={selectedId} units={units} />}
              </Col>
            </Row>
          )
        }
      </QueryView>
      <ImportUnitsModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
