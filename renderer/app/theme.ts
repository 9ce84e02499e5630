import type { ThemeConfig } from 'antd';

/** A calm, readable theme for long office sessions: muted teal, soft grey background. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#2b7a8c',
    colorInfo: '#2b7a8c',
    colorBgLayout: '#f3f5f7',
    borderRadius: 6,
    fontSize: 14,
    // Secondary text, placeholders and success tags darker than antd's defaults, to reach WCAG AA contrast (4.5:1).
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    colorSuccess: '#2f7a12',
    colorError: '#c8102e',
    colorTextDisabled: 'rgba(0, 0, 0, 0.56)',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 60, headerPadding: '0 24px' },
    Menu: { itemSelectedBg: '#e3f1f3', itemSelectedColor: '#1f5f7a' },
    Tree: { nodeSelectedBg: '#d9eef1', nodeHoverBg: '#eef6f7' },
  },
};
