import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Form, Input, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { AUTHORITY_LEVEL_LABELS, COMMUNE_PLACEHOLDER, PROVINCE_PLACEHOLDER, type AuthorityDto, type AuthorityLevel } from '../../shared/titles';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria';
import { apiQuery, useApiMutation } from '../components/api';
import { EmptyState } from '../components/EmptyState';
import { FormModal } from '../components/FormModal';
import { QueryView } from '../components/QueryStatus';
import { useConfirmDelete } from '../components/useConfirmDelete';
import { OfficerOnly } from '../accounts/OfficerOnly';

const TITLE_OPTIONS = (Object.keys(TITLE_LABELS) as TitleKind[]).map((value) => ({ value, label: TITLE_LABELS[value] }));
const LEVEL_OPTIONS = (Object.keys(AUTHORITY_LEVEL_LABELS) as AuthorityLevel[]).map((value) => ({ value, label: AUTHORITY_LEVEL_LABELS[value] }));

/**
 * Who recognises which title at which level: since the 2025 two-tier reform
 * this is the office's data. A decision picks its row and prints its texts.
 */
export function DecisionAuthoritiesTab() {
  const authorities = useQuery(apiQuery('authorities.list', {}));
  const install = useApiMutation('authorities.installSamples', { notifyError: true, successMessage: (r) => (r.installed > 0 ? `Đã cài ${r.installed} dòng mẫu` : 'Mọi danh hiệu và cấp đã có cơ quan công nhận') });
  const remove = useApiMutation('authorities.delete', { notifyError: true, successMessage: 'Đã xóa dòng thẩm quyền' });
  const confirmDelete = useConfirmDelete();
  const [editing, setEditing] = useState<AuthorityDto | 'new' | null>(null);

  const columns: TableColumnsType<AuthorityDto> = [
    { title: 'Danh hiệu', dataIndex: 'title', width: 190, render: (t: TitleKind) => TITLE_LABELS[t] },
    { title: 'Cấp', dataIndex: 'level', width: 80, render: (l: AuthorityLevel) => AUTHORITY_LEVEL_LABELS[l] },
    { title: 'Thẩm quyền ban hành', key: 'decider', width: 270, render: (_, a) => a.decider || a.issuer },
    { title: 'Người ký', dataIndex: 'signerTitle', width: 160, render: (s: string) => s.split('\n').join(' / ') },
    {
      title: 'Ghi chú',
      dataIndex: 'note',
      render: (n: string, a) => (
        <>
          {a.sampleKey && <Tag color="gold">Mẫu</Tag>}
          {n}
        </>
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 130,
      render: (_, a) => (
        <Flex gap={4}>
          <Button size="small" onClick={() => setEditing(a)} aria-label={`Sửa thẩm quyền: ${TITLE_LABELS[a.title]} ${AUTHORITY_LEVEL_LABELS[a.level]}`}>
            Sửa
          </Button>
          <Button
            size="small"
            type="link"
            danger
            aria-label={`Xóa thẩm quyền: ${TITLE_LABELS[a.title]} ${AUTHORITY_LEVEL_LABELS[a.level]}`}
            onClick={() => confirmDelete(`Xóa dòng ${TITLE_LABELS[a.title]} (${AUTHORITY_LEVEL_LABELS[a.level].toLocaleLowerCase('vi')})?`, 'Các quyết định đã lập giữ nguyên nội dung đã in.', () => remove.mutateAsync({ id: a.id, rev: a.rev }))}
          >
            Xóa
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <Card>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <OfficerOnly>
          <Button type="primary" onClick={() => setEditing('new')}>
            Thêm dòng
          </Button>
          <Button loading={install.isPending} onClick={() => install.mutate({})}>
            Cài bảng mẫu
          </Button>
        </OfficerOnly>
      </Flex>
      <Typography.Paragraph type="secondary">
        Từ ngày 01/7/2025 không còn cấp huyện: cơ quan nào công nhận danh hiệu nào, ở cấp nào, do văn bản của tỉnh quy định. Trong các ô, {COMMUNE_PLACEHOLDER} được thay bằng tên xã của quyết định, {PROVINCE_PLACEHOLDER} bằng tên tỉnh.
      </Typography.Paragraph>
      <QueryView query={authorities} loadingText="Đang tải bảng thẩm quyền…">
        {(list) => (
          <Table<AuthorityDto>
            aria-label="Thẩm quyền công nhận"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list}
            pagination={false}
            locale={{ emptyText: <EmptyState title="Chưa có bảng thẩm quyền công nhận" hint="Cài bảng mẫu rồi điều chỉnh theo văn bản hiện hành của tỉnh." /> }}
          />
        )}
      </QueryView>
      {editing && <AuthorityFormModal authority={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface Values {
  title: TitleKind;
  level: AuthorityLevel;
  issuer: string;
  decider: string;
  signerTitle: string;
  basis: string;
  recipients: string;
  note: string;
}

function AuthorityFormModal({ authority, onClose }: { authority: AuthorityDto | null; onClose: () => void }) {
  const save = useApiMutation('authorities.save', { successMessage: 'Đã lưu dòng thẩm quyền' });
  const submit = async (v: Values) => {
    const fields = { title: v.title, level: v.level, issuer: v.issuer ?? '', decider: v.decider ?? '', signerTitle: v.signerTitle ?? '', basis: v.basis ?? '', recipients: v.recipients ?? '', note: v.note ?? '' };
    await save.mutateAsync(authority ? { ...fields, id: authority.id, rev: authority.rev } : fields);
    onClose();
  };
  const initial: Partial<Values> = authority ?? { level: 'xa', issuer: `Ủy ban nhân dân ${COMMUNE_PLACEHOLDER}`, decider: `Chủ tịch Ủy ban nhân dân ${COMMUNE_PLACEHOLDER}`, signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch', recipients: 'Như Điều 3;\nLưu: VT.' };
  return (
    <FormModal<Values> title={authority ? 'Sửa dòng thẩm quyền công nhận' : 'Thêm dòng thẩm quyền công nhận'} open width={720} onClose={onClose} onSubmit={submit} submitText="Lưu" initialValues={initial}>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="title" label="Danh hiệu" rules={[{ required: true, message: 'Chọn danh hiệu' }]}>
            <Select options={TITLE_OPTIONS} placeholder="Chọn danh hiệu" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="level" label="Cấp công nhận" rules={[{ required: true, message: 'Chọn cấp' }]} extra="Cấp xã: mỗi quyết định cho đối tượng của một xã.">
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="issuer" label="Cơ quan ban hành" rules={[{ required: true, message: 'Nhập cơ quan ban hành' }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="decider" label="Thẩm quyền ban hành">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="basis" label="Căn cứ (mỗi dòng một căn cứ)">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="recipients" label="Nơi nhận (mỗi dòng một nơi)">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 5 }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, message: 'Nhập chức vụ người ký' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label="Ghi chú (văn bản quy định)">
        <Input />
      </Form.Item>
    </FormModal>
  );
}
