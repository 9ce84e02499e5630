import type { ThemeConfig } from 'antd';

/** A calm, readable theme for long office sessions: muted teal, soft grey background. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#2b7a8c',
    colorInfo: '#2b7a8c',
    colorBgLayout: '#f3f5f7',
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 60, headerPadding: '0 24px' },
    Menu: { itemSelectedBg: '#e3f1f3', itemSelectedColor: '#1f5f7a' },
    Tree: { nodeSelectedBg: '#d9eef1', nodeHoverBg: '#eef6f7' },
  },
};
