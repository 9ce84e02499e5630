import { useQuery } from '@tanstack/react-query';
import { Form, Select, Typography } from 'antd';
import { SUBJECT_OF_TITLE, type SubjectDto } from '../../shared/titles';
import { TITLE_LABELS, type TitleKind } from '../../shared/titles-criteria';
import { apiQuery, useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';
import { YEAR_OPTIONS } from './lookups';

interface Values {
  year: number;
  title: TitleKind;
  criteriaSetId: string;
}

/** Registers a subject for a title and year (the "đăng ký" step), on the current version of a criteria set. */
export function NewEvaluationModal({ subject, onClose }: { subject: SubjectDto; onClose: () => void }) {
  const sets = useQuery(apiQuery('criteria.list', {}));
  const create = useApiMutation('evaluations.create', { successMessage: (e) => `Đã đăng ký ${e.subjectName} xét ${TITLE_LABELS[e.title]} năm ${e.year}` });
  const titles = (Object.keys(SUBJECT_OF_TITLE) as TitleKind[]).filter((t) => SUBJECT_OF_TITLE[t] === subject.kind);
  const current = (sets.data ?? []).filter((s) => s.current && titles.includes(s.definition.title));
  // The labour group picks the Công dân học tập set when one matches it.
  const preferred = current.find((s) => s.definition.group === subject.labourGroup) ?? current[0];
  const submit = async (v: Values) => {
    await create.mutateAsync({ subjectId: subject.id, subjectUnitId: null, year: v.year, title: v.title, criteriaSetId: v.criteriaSetId });
    onClose();
  };
  if (sets.isPending) return null;
  return (
    <FormModal<Values>
      title={`Đăng ký xét danh hiệu: ${subject.name}`}
      open
      onClose={onClose}
      onSubmit={submit}
      submitText="Đăng ký"
      initialValues={{ year: new Date().getFullYear(), title: titles[0], criteriaSetId: preferred?.id }}
    >
      {current.length === 0 && <Typography.Paragraph type="warning">Chưa có bộ tiêu chí cho đối tượng này: hãy cài các bộ mẫu ở thẻ “Bộ tiêu chí”.</Typography.Paragraph>}
      <Form.Item name="year" label="Năm đánh giá" rules={[{ required: true, message: 'Chọn năm' }]}>
        <Select options={YEAR_OPTIONS} />
      </Form.Item>
      <Form.Item name="title" label="Danh hiệu" rules={[{ required: true, message: 'Chọn danh hiệu' }]}>
        <Select options={titles.map((t) => ({ value: t, label: TITLE_LABELS[t] }))} />
      </Form.Item>
      <Form.Item name="criteriaSetId" label="Bộ tiêu chí" rules={[{ required: true, message: 'Chọn bộ tiêu chí' }]}>
        <Select options={current.map((s) => ({ value: s.id, label: `${s.definition.name} (phiên bản ${s.version})` }))} />
      </Form.Item>
    </FormModal>
  );
}
