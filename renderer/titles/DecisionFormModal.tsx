import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { AUTHORITY_LEVEL_LABELS, fillAuthorityText, placeInSentence, type AuthorityDto, type EvaluationDto } from '../../shared/titles';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria';
import { apiQuery, useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { officeStatusQuery } from '../components/useOffice';
import { DATE_FORMAT, isoOf } from '../plans/common/dates';

interface Values {
  authorityId: string | null;
  number: string;
  signedOn: Dayjs | null;
  authority: string;
  decider: string;
  place: string;
  basis: string;
  recipients: string;
  signerTitle: string;
  signerName: string;
}

type AuthorityTexts = Pick<Values, 'authority' | 'decider' | 'basis' | 'recipients' | 'signerTitle'>;

/** "Đồng Tháp" → "tỉnh Đồng Tháp", as main writes it on the decision. */
const provinceInSentence = (name: string) => (name === '' ? '' : /^(tỉnh|thành phố) /i.test(name) ? placeInSentence(name) : `tỉnh ${name}`);

/** A row's texts with {xã} and {tỉnh} filled for the subjects selected: what the decision will print unless edited here. */
function textsOf(a: AuthorityDto, evaluations: EvaluationDto[], province: string): AuthorityTexts {
  const place = { commune: a.level === 'xa' ? placeInSentence(evaluations[0]?.communeName ?? '') : '', province: provinceInSentence(province) };
  const fill = (text: string) => fillAuthorityText(text, place);
  return { authority: fill(a.issuer), decider: fill(a.decider), basis: fill(a.basis), recipients: fill(a.recipients), signerTitle: fill(a.signerTitle) };
}

/**
 * Records the competent body's recognition decision for the proposed subjects
 * selected. The body is picked from the authority table (who recognises which
 * title at which level), which fills the issuer, the signer block, the basis
 * and the recipients; each stays editable for this decision.
 */
export function DecisionFormModal({ title, year, evaluations, onClose }: { title: TitleKind; year: number; evaluations: EvaluationDto[]; onClose: () => void }) {
  const authorities = useQuery(apiQuery('authorities.list', {}));
  const office = useQuery(officeStatusQuery());
  const install = useApiMutation('authorities.installSamples', { notifyError: true, successMessage: (r) => `Đã cài ${r.installed} dòng mẫu` });
  const create = useApiMutation('decisions.create', { successMessage: (d) => `Đã lưu quyết định số ${d.number}` });
  const heading = `Quyết định công nhận ${TITLE_LABELS[title]} năm ${year}`;
  if (!authorities.data || !office.data) {
    return (
      <Modal open title={heading} footer={null} onCancel={onClose}>
        <Spin /> Đang tải bảng thẩm quyền công nhận…
      </Modal>
    );
  }
  const province = office.data.office?.provinceName ?? '';
  const forTitle = authorities.data.filter((a) => a.title === title);
  const communes = new Set(evaluations.map((e) => e.communeName));
  const only = forTitle.length === 1 ? forTitle[0]! : null;

  const submit = async (v: Values) => {
    await create.mutateAsync({
      authorityId: v.authorityId ?? null,
      number: v.number ?? '',
      signedOn: isoOf(v.signedOn) ?? '',
      authority: v.authority ?? '',
      decider: v.decider ?? '',
      place: v.place ?? '',
      basis: v.basis ?? '',
      recipients: v.recipients ?? '',
      signerTitle: v.signerTitle ?? '',
      signerName: v.signerName ?? '',
      title,
      year,
      evaluationIds: evaluations.map((e) => e.id),
    });
    onClose();
  };
  const initial: Partial<Values> = {
    signedOn: dayjs(),
    place: communes.size === 1 ? (evaluations[0]?.communeName.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, '') ?? '') : '',
    ...(only ? { authorityId: only.id, ...textsOf(only, evaluations, province) } : { authorityId: null }),
  };
  return (
    <FormModal<Values> title={heading} open width={760} onClose={onClose} onSubmit={submit} submitText="Lưu quyết định" initialValues={initial}>
      <Typography.Paragraph>
        Công nhận {evaluations.length} đối tượng: {evaluations.slice(0, 5).map((e) => e.subjectName).join(', ')}
        {evaluations.length > 5 ? ` và ${evaluations.length - 5} đối tượng khác` : ''}.
      </Typography.Paragraph>
      {forTitle.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Bảng thẩm quyền chưa có cơ quan công nhận ${TITLE_LABELS[title]}`}
          description="Cài bảng mẫu (cấp xã công nhận công dân, gia đình, dòng họ, cộng đồng; cấp tỉnh công nhận cộng đồng học tập cấp xã) rồi điều chỉnh ở thẻ “Thẩm quyền công nhận”."
          action={
            <Button size="small" loading={install.isPending} onClick={() => void install.mutateAsync({})}>
              Cài bảng mẫu
            </Button>
          }
        />
      )}
      <AuthorityField authorities={forTitle} evaluations={evaluations} province={province} communes={communes.size} />
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
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="authority" label="Cơ quan ban hành" rules={[{ required: true, message: 'Nhập cơ quan ban hành' }]}>
            <Input placeholder="Ủy ban nhân dân xã Tân Hộ Cơ" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="place" label="Địa danh ghi ở dòng ngày tháng">
            <Input placeholder="Tân Hộ Cơ" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="decider" label="Thẩm quyền ban hành (dòng trên phần căn cứ)">
        <Input placeholder="Chủ tịch Ủy ban nhân dân xã Tân Hộ Cơ" />
      </Form.Item>
      <Form.Item name="basis" label="Căn cứ (mỗi dòng một căn cứ)">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="recipients" label="Nơi nhận (mỗi dòng một nơi)">
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 5 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, message: 'Nhập chức vụ' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
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

/** The authority select: choosing a row fills the texts below from it. */
function AuthorityField({ authorities, evaluations, province, communes }: { authorities: AuthorityDto[]; evaluations: EvaluationDto[]; province: string; communes: number }) {
  const form = Form.useFormInstance<Values>();
  const chosen = authorities.find((a) => a.id === Form.useWatch('authorityId', form));
  return (
    <>
      <Form.Item
        name="authorityId"
        label="Cơ quan công nhận (theo bảng thẩm quyền)"
        rules={[{ required: true, message: 'Chọn cơ quan công nhận' }]}
        extra="Cấp nào công nhận danh hiệu nào do bảng “Thẩm quyền công nhận” quy định; chọn xong có thể sửa từng dòng bên dưới cho quyết định này."
      >
        <Select
          placeholder="Chọn cơ quan"
          options={authorities.map((a) => ({ value: a.id, label: `${AUTHORITY_LEVEL_LABELS[a.level]}: ${textsOf(a, evaluations, province).decider || textsOf(a, evaluations, province).authority}` }))}
          onChange={(id: string) => {
            const a = authorities.find((x) => x.id === id);
            if (a) form.setFieldsValue(textsOf(a, evaluations, province));
          }}
        />
      </Form.Item>
      {chosen?.level === 'xa' && communes > 1 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`Cơ quan cấp xã chỉ công nhận đối tượng của một xã; các hồ sơ đã chọn thuộc ${communes} xã. Lập mỗi xã một quyết định.`} />
      )}
    </>
  );
}
