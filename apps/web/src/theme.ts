import type { ThemeConfig } from 'antd';

// Darker secondary text than antd's default so that every text passes WCAG AA contrast (4.5:1).
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456b8',
    colorLink: '#1456b8',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorSuccess: '#237804',
    colorError: '#b3261e',
    colorWarning: '#8a5a00',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
    borderRadius: 8,
  },
};
