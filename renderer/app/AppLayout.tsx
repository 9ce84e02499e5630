import { Flex, Layout, Menu, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useOffice } from '../components/useOffice';
import { GlobalSearch } from '../search/GlobalSearch';
import { MENU_ITEMS, menuKeyOf } from './menu';

export function AppLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const office = useOffice();
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
            items={MENU_ITEMS.map((item) => ({ ...item }))}
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
            <GlobalSearch />
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
