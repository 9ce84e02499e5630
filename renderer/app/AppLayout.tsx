import { Flex, Layout, Menu, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCan } from '../accounts/session';
import { UserMenu } from '../accounts/UserMenu';
import { useOffice } from '../components/useOffice';
import { GlobalSearch } from '../search/GlobalSearch';
import { MENU_ITEMS, menuKeyOf } from './menu';

/** Pages whose every op needs the administrator: other accounts do not see them in the menu. */
const ADMIN_ONLY = new Set<string>(['/accounts', '/backup']);

export function AppLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const office = useOffice();
  const isAdmin = useCan('admin');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={232} breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #e8ecef' }}>
        <div className="xhht-brand">
          XHHT
          <small>Xây dựng xã hội học tập</small>
        </div>
        <nav aria-label="Chức năng chính">
          <Menu
            mode="inline"
            selectedKeys={[menuKeyOf(pathname)]}
            items={MENU_ITEMS.filter((item) => !ADMIN_ONLY.has(item.key) || isAdmin).map((item) => ({ ...item }))}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ borderBottom: '1px solid #e8ecef', lineHeight: 'normal' }}>
          <Flex align="center" justify="space-between" gap={24} style={{ height: '100%' }}>
            <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }} title={office?.name}>
              {office?.name}
            </Typography.Text>
            <Flex align="center" gap={16}>
              <GlobalSearch />
              <UserMenu />
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
