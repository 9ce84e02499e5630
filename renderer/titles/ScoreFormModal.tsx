import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { EvaluationDto } from '../../shared/titles';
import { AREA_LABELS, explainResult, scoreEvaluation, type AreaKind, type CriteriaSetDefinition, type Scores } from '../../shared/titles-criteria';
import { apiQuery, useApiMutation } from '../components/api';
import { FormModal } from '../components/FormModal';

interface Values {
  scores: Record<string, number | null | undefined>;
  area: AreaKind;
  evaluator: string;
  evidence: string;
}

const AREA_OPTIONS = (Object.keys(AREA_LABELS) as AreaKind[]).map((a) => ({ value: a, label: AREA_LABELS[a] }));
const PASS_OPTIONS = [
  { value: 1, label: 'Đạt' },
  { value: 0, label: 'Không đạt' },
];

const entered = (scores: Values['scores'] | undefined): Scores =>
  Object.fromEntries(Object.entries(scores ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));

/** The paper form on screen: one field per indicator, grouped by criterion, with the result computed as it is filled. */
export function ScoreFormModal({ evaluation, onClose }: { evaluation: EvaluationDto; onClose: () => void }) {
  const sets = useQuery(apiQuery('criteria.list', {}));
  const set = sets.data?.find((s) => s.id === evaluation.criteriaSetId);
  const save = useApiMutation('evaluations.saveScores', { successMessage: (e) => `Đã lưu điểm của ${e.subjectName}` });
  if (!set) return null;
  const submit = async (v: Values) => {
    await save.mutateAsync({ id: evaluation.id, rev: evaluation.rev, scores: entered(v.scores), area: v.area, evaluator: v.evaluator ?? '', evidence: v.evidence ?? '' });
    onClose();
  };
  return (
    <FormModal<Values>
      title={`Chấm điểm: ${evaluation.subjectName} — năm ${evaluation.year}`}
      open
      width={860}
      onClose={onClose}
      onSubmit={submit}
      initialValues={{ scores: evaluation.scores, area: evaluation.area, evaluator: evaluation.evaluator, evidence: evaluation.evidence }}
    >
      <Typography.Paragraph type="secondary">
        {set.definition.name} — phiên bản {set.version}
        {set.definition.note ? ` (${set.definition.note})` : ''}
      </Typography.Paragraph>
      {set.definition.criteria.map((criterion) => (
        <div key={criterion.code}>
          <Divider titlePlacement="start" style={{ margin: '8px 0' }}>
            {criterion.code}. {criterion.name}
          </Divider>
          {criterion.indicators.map((indicator) => (
            <Row key={indicator.code} gutter={12} align="middle">
              <Col flex="auto">
                <label htmlFor={`score-${indicator.code}`}>
                  {indicator.code}. {indicator.name}
                  {indicator.kind === 'points' && (
                    <Typography.Text type="secondary">
                      {' '}
                      (tối đa {indicator.max}
                      {indicator.floor !== null ? `, sàn ${indicator.floor}` : ''})
                    </Typography.Text>
                  )}
                </label>
              </Col>
              <Col flex="130px">
                <Form.Item name={['scores', indicator.code]} style={{ marginBottom: 6 }}>
                  {indicator.kind === 'points' ? (
                    <InputNumber id={`score-${indicator.code}`} aria-label={`Điểm chỉ số ${indicator.code}`} min={0} max={indicator.max} step={0.5} decimalSeparator="," style={{ width: '100%' }} />
                  ) : (
                    <Select id={`score-${indicator.code}`} aria-label={`Chỉ số ${indicator.code}`} options={PASS_OPTIONS} allowClear />
                  )}
                </Form.Item>
              </Col>
            </Row>
          ))}
        </div>
      ))}
      <Divider style={{ margin: '8px 0' }} />
      <LiveResult definition={set.definition} />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="area" label="Vùng (ngưỡng điểm)">
            <Select options={AREA_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="evaluator" label="Người chấm / đánh giá">
            <Input placeholder="Tự đánh giá, Ban khuyến học ấp, Hội đồng xã…" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="evidence" label="Minh chứng">
        <Input.TextArea rows={2} placeholder="Giấy chứng nhận, ảnh lớp học, xác nhận của ấp…" />
      </Form.Item>
    </FormModal>
  );
}

function LiveResult({ definition }: { definition: CriteriaSetDefinition }) {
  const form = Form.useFormInstance<Values>();
  const scores = Form.useWatch('scores', form);
  const area = Form.useWatch('area', form) ?? 'thuong';
  const score = scoreEvaluation(definition, entered(scores), area);
  const type = score.result === null ? 'info' : score.result.recognised ? 'success' : 'warning';
  // The best level's explanation already states the points; the others give reasons, after the total.
  const best = score.result !== null && score.result.code === definition.levels[0]?.code;
  const total = `Tổng ${String(score.total).replace('.', ',')}/${score.maxTotal} điểm`;
  return <Alert type={type} showIcon style={{ marginBottom: 12 }} title={best ? explainResult(definition, score, area) : `${total} — ${explainResult(definition, score, area)}`} />;
}
