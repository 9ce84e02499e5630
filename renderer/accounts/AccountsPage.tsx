import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { AccountDto } from '../../shared/accounts';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/op';
import { apiQuery, callOrThrowAppError, useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryStatus';
import { RecordHistoryButton } from '../audit/RecordHistory';

const ROLE_HINTS: Record<Role, string> = {
  admin: 'Quản trị: tài khoản, cài đặt, sao lưu, khóa; và mọi việc của cán bộ',
  officer: 'Cán bộ: nhập, sửa kế hoạch, danh hiệu, minh chứng; in ấn',
  viewer: 'Xem: chỉ xem, không sửa được gì',
};
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_HINTS[r] }));
const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' }) : '—');

type Editing = { kind: 'new' } | { kind: 'edit'; account: AccountDto } | { kind: 'password'; account: AccountDto } | null;

/** The administrator's page: who may use this XHHT, and as what. */
export function AccountsPage() {
  const accounts = useQuery(apiQuery('accounts.list', {}));
  const [editing, setEditing] = useState<Editing>(null);
  const create = useApiMutation('accounts.create', { successMessage: (a) => `Đã tạo tài khoản ${a.login}` });
  const update = useApiMutation('accounts.update', { successMessage: 'Đã lưu tài khoản' });
  const close = () => setEditing(null);
  return (
    <>
      <PageHeader
        title="Tài khoản"
        subtitle="Mỗi người dùng XHHT có một tài khoản riêng; nhật ký thay đổi ghi tên người đã sửa."
        extra={
          <Button type="primary" onClick={() => setEditing({ kind: 'new' })}>
            Thêm tài khoản
          </Button>
        }
      />
      <QueryView query={accounts}>
        {(rows) => (
          <Table<AccountDto>
            aria-label="Danh sách tài khoản"
            rowKey="id"
            dataSource={rows}
            pagination={false}
            size="middle"
            columns={[
              { title: 'Họ tên', dataIndex: 'name' },
              { title: 'Tên đăng nhập', dataIndex: 'login' },
              { title: 'Vai trò', dataIndex: 'role', render: (role: Role) => ROLE_LABELS[role] },
              {
                title: 'Trạng thái',
                render: (_, a) =>
                  !a.active ? <Tag>Ngừng hoạt động</Tag> : a.lockedUntil && a.lockedUntil > new Date().toISOString() ? <Tag color="orange">Tạm khóa đến {dateTime(a.lockedUntil)}</Tag> : <Tag color="green">Hoạt động</Tag>,
              },
              { title: 'Đăng nhập gần nhất', dataIndex: 'lastLoginAt', render: dateTime },
              {
                title: 'Thao tác',
                render: (_, a) => (
                  <Space size={0}>
                    <Button size="small" type="link" aria-label={`Sửa: ${a.login}`} onClick={() => setEditing({ kind: 'edit', account: a })}>
                      Sửa
                    </Button>
                    <Button size="small" type="link" aria-label={`Đặt lại mật khẩu: ${a.login}`} onClick={() => setEditing({ kind: 'password', account: a })}>
                      Đặt lại mật khẩu
                    </Button>
                    <RecordHistoryButton recordId={a.id} name={a.login} />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryView>
      <FormModal<{ name: string; login: string; role: Role; password: string }>
        title="Thêm tài khoản"
        open={editing?.kind === 'new'}
        onClose={close}
        initialValues={{ role: 'officer' }}
        submitText="Tạo tài khoản"
        onSubmit={async (values) => {
          await create.mutateAsync(values);
          close();
        }}
      >
        <Form.Item name="name" label="Họ tên" rules={[{ required: true, message: 'Nhập họ tên' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="login" label="Tên đăng nhập" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="Vai trò" rules={[{ required: true, message: 'Chọn vai trò' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item name="password" label="Mật khẩu ban đầu (ít nhất 8 ký tự)" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>
      {editing?.kind === 'edit' && (
        <FormModal<{ name: string; role: Role; active: boolean }>
          title={`Sửa tài khoản ${editing.account.login}`}
          open
          onClose={close}
          initialValues={{ name: editing.account.name, role: editing.account.role, active: editing.account.active }}
          onSubmit={async (values) => {
            await update.mutateAsync({ id: editing.account.id, rev: editing.account.rev, ...values });
            close();
          }}
        >
          <Form.Item name="name" label="Họ tên" rules={[{ required: true, message: 'Nhập họ tên' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label="Vai trò" rules={[{ required: true, message: 'Chọn vai trò' }]}>
            <Select options={ROLE_OPTIONS} />
          </Form.Item>
          <Form.Item name="active" label="Đang hoạt động" valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormModal>
      )}
      {editing?.kind === 'password' && (
        <FormModal<{ password: string }>
          title={`Đặt lại mật khẩu cho ${editing.account.login}`}
          open
          onClose={close}
          submitText="Đặt mật khẩu mới"
          onSubmit={async (values) => {
            await callOrThrowAppError('accounts.resetPassword', { id: editing.account.id, password: values.password });
            close();
          }}
        >
          <Form.Item name="password" label="Mật khẩu mới (ít nhất 8 ký tự)" rules={[{ required: true, message: 'Nhập mật khẩu mới' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
