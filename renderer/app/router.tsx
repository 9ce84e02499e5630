import { Button, Result } from 'antd';
import { createHashRouter, isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { toAppError } from '../components/errors';
import { Loading } from '../components/QueryStatus';
import { AppLayout } from './AppLayout';
import { appRoutes } from './routes';

export function createAppRouter() {
  // Pages load on first visit; until the first one has, a loading line shows.
  return createHashRouter([{ path: '/', element: <AppLayout />, errorElement: <RouteError />, HydrateFallback: PageLoading, children: appRoutes }]);
}

function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  const text = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : toAppError(error).message;
  return (
    <Result
      status="error"
      title="Trang gặp lỗi khi hiển thị"
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => navigate('/units')}>
          Về trang Đơn vị hành chính
        </Button>
      }
    />
  );
}

function PageLoading() {
  return <Loading text="Đang mở trang…" />;
}
