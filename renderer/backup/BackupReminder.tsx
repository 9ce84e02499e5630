import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useCan } from '../accounts/session';
import { apiQuery } from '../components/api';

/**
 * On the home page, for the administrator: the last good backup is older than
 * a week, or there is none. Other accounts cannot back up, so they are not told.
 */
export function BackupReminder() {
  const isAdmin = useCan('admin');
  const navigate = useNavigate();
  const overview = useQuery({ ...apiQuery('backup.overview', {}), enabled: isAdmin });
  if (!isAdmin || !overview.data?.stale) return null;
  const title = overview.data.lastGoodAt ? 'Bản sao lưu tốt gần nhất đã cũ hơn một tuần' : 'Dữ liệu chưa được sao lưu lần nào';
  return (
    <Alert
      type="warning"
      showIcon
      title={title}
      description="Hỏng ổ đĩa hay mất máy là mất cả kế hoạch, minh chứng và danh hiệu đã nhập. Hãy sao lưu ra ổ USB."
      action={<Button onClick={() => navigate('/backup')}>Sao lưu</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
