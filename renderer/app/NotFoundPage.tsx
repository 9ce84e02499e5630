import { Button, Result } from 'antd';
import { useLocation, useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Result
      status="info"
      title="Không có trang này"
      subTitle={`Địa chỉ “${pathname}” chưa có trang nào. Hãy chọn một mục trong danh sách bên trái.`}
      extra={
        <Button type="primary" onClick={() => navigate('/units')}>
          Mở Đơn vị hành chính
        </Button>
      }
    />
  );
}
