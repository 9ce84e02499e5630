import { Col, DatePicker, Form, Input, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { EvaluationDto } from '../../shared/titles';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria';
import { useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { DATE_FORMAT, isoOf } from '../plans/common/dates';

interface Values {
  number: string;
  signedOn: Dayjs | null;
  authority: string;
  place: string;
  signerTitle: string;
  signerName: string;
}

/** Records the competent body's recognition decision for the proposed subjects selected. */
export function DecisionFormModal({ title, year, evaluations, onClose }: { title: TitleKind; year: number; evaluations: EvaluationDto[]; onClose: () => void }) {
  const create = useApiMutation('decisions.create', { successMessage: (d) => `Đã lưu quyết định số ${d.number}` });
  const submit = async (v: Values) => {
    await create.mutateAsync({
      number: v.number ?? '',
      signedOn: isoOf(v.signedOn) ?? '',
      authority: v.authority ?? '',
      place: v.place ?? '',
      signerTitle: v.signerTitle ?? '',
      signerName: v.signerName ?? '',
      title,
      year,
      evaluationIds: evaluations.map((e) => e.id),
    });
    onClose();
  };
  return (
    <FormModal<Values>
      title={`Quyết định công nhận ${TITLE_LABELS[title]} năm ${year}`}
      open
      width={680}
      onClose={onClose}
      onSubmit={submit}
      submitText="Lưu quyết định"
      initialValues={{ signedOn: dayjs(), signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch' }}
    >
      <Typography.Paragraph>
        Công nhận {evaluations.length} đối tượng: {evaluations.slice(0, 5).map((e) => e.subjectName).join(', ')}
        {evaluations.length > 5 ? ` và ${evaluations.length - 5} đối tượng khác` : ''}.
      </Typography.Paragraph>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="number" label="Số quyết định" rules={[{ required: true, message: 'Nhập số quyết định' }]}>
            <Input placeholder="15/QĐ-UBND" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="signedOn" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký' }]}>
            <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="authority" label="Cơ quan ban hành" rules={[{ required: true, message: 'Nhập cơ quan ban hành' }]} extra="Cấp nào công nhận danh hiệu nào do văn bản hiện hành quy định.">
        <Input placeholder="Ủy ban nhân dân xã Tân Hộ Cơ" />
      </Form.Item>
      <Form.Item name="place" label="Địa danh ghi ở dòng ngày tháng">
        <Input placeholder="Tân Hộ Cơ" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, message: 'Nhập chức vụ' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="signerName" label="Họ tên người ký" rules={[{ required: true, message: 'Nhập họ tên người ký' }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
