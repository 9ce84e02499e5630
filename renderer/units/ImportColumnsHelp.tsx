import { Typography } from 'antd';

const REQUIRED = ['mã', 'tên', 'cấp', 'mã đơn vị cha'];
const OPTIONAL = ['năm', 'hộ gia đình', 'dòng họ', 'người lớn', 'độ tuổi lao động', 'cán bộ CC VC', 'cơ quan tổ chức'];

const names = (list: string[]) =>
  list.map((name, i) => (
    <span key={name}>
      {i > 0 && ', '}
      <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
        {name}
      </Typography.Text>
    </span>
  ));

/** What the sheet must look like, in the words of the import. */
export function ImportColumnsHelp() {
  return (
    <Typography.Paragraph style={{ marginBottom: 12 }}>
      XHHT đọc trang tính đầu tiên; dòng 1 là tiêu đề cột, mỗi dòng sau là một đơn vị. Các cột bắt buộc: {names(REQUIRED)}. Cột{' '}
      <b>cấp</b> ghi loại đơn vị (ví dụ Xã, Thị trấn, Ấp); để trống <b>mã đơn vị cha</b> nếu đơn vị trực thuộc thẳng địa bàn của cơ
      quan. Các cột không bắt buộc, để nhập số liệu của một năm: {names(OPTIONAL)}. Đơn vị có mã đã có sẽ được cập nhật.
    </Typography.Paragraph>
  );
}
