import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { DateInput, dateRules } from '../../components/DateInput';
import { DEADLINE_KIND_OPTIONS, QUARTER_OPTIONS, RECURRENCE_OPTIONS, UNSET_OPTION, type DeadlineKindChoice } from './deadlineForm';

interface DeadlineFieldsProps {
  /** The form field holding a DeadlineFormValue. */
  name: string;
  /** The group's accessible name, e.g. "Thời hạn hoàn thành". */
  label: string;
  /** Offers "Không ghi thời hạn" (a null deadline). */
  allowUnset?: boolean;
}

const required = (message: string) => [{ required: true, message }];
const yearRules = [{ required: true, message: 'Nhập năm' }];

/** Edits a deadline in any of the shapes plans use: a day, a quarter, a year, a yearly day, a horizon, or a note. */
export function DeadlineFields({ name, label, allowUnset = false }: DeadlineFieldsProps) {
  const form = Form.useFormInstance();
  const kind = (Form.useWatch([name, 'kind'], form) as DeadlineKindChoice | undefined) ?? (allowUnset ? 'unset' : 'date');
  const options = allowUnset ? [UNSET_OPTION, ...DEADLINE_KIND_OPTIONS] : DEADLINE_KIND_OPTIONS;
  return (
    <fieldset aria-label={label} style={{ border: 0, padding: 0, margin: 0 }}>
      <Flex gap={12} wrap align="flex-start">
        <Form.Item name={[name, 'kind']} label="Loại thời hạn" style={{ minWidth: 170 }}>
          <Select options={options} />
        </Form.Item>
        {kind === 'date' && (
          <Form.Item name={[name, 'date']} label="Ngày hết hạn" rules={dateRules('Nhập ngày hết hạn')}>
            <DateInput />
          </Form.Item>
        )}
        {kind === 'quarter' && (
          <Form.Item name={[name, 'quarter']} label="Quý" rules={required('Chọn quý')} style={{ minWidth: 90 }}>
            <Select options={QUARTER_OPTIONS} placeholder="I–IV" />
          </Form.Item>
        )}
        {(kind === 'quarter' || kind === 'year' || kind === 'horizon') && (
          <Form.Item name={[name, 'year']} label="Năm" rules={yearRules}>
            <InputNumber min={1990} max={2100} controls={false} style={{ width: 100 }} />
          </Form.Item>
        )}
        {kind === 'yearly' && (
          <>
            <Form.Item name={[name, 'day']} label="Ngày" rules={required('Nhập ngày')}>
              <InputNumber min={1} max={31} controls={false} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name={[name, 'month']} label="Tháng" rules={required('Nhập tháng')}>
              <InputNumber min={1} max={12} controls={false} style={{ width: 80 }} />
            </Form.Item>
          </>
        )}
        {kind === 'periodic' && (
          <>
            <Form.Item name={[name, 'every']} label="Chu kỳ" initialValue="year" style={{ minWidth: 140 }}>
              <Select options={RECURRENCE_OPTIONS} />
            </Form.Item>
            <Form.Item name={[name, 'days']} label="Trước các ngày (để trống: cuối kỳ)" style={{ flex: 1, minWidth: 220 }}>
              <Input placeholder="Ví dụ: 15/6, 15/12" />
            </Form.Item>
          </>
        )}
        {kind === 'none' && (
          <Form.Item name={[name, 'text']} label="Ghi rõ thời hạn" rules={required('Ghi rõ thời hạn')} style={{ flex: 1, minWidth: 220 }}>
            <Input placeholder="Ví dụ: định kỳ; theo quy định" />
          </Form.Item>
        )}
      </Flex>
    </fieldset>
  );
}
