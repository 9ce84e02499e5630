import { z } from 'zod';
import { TITLE_LABELS, TitleKind } from './titles-criteria.js';

/**
 * The editable wording of a certificate (giấy công nhận), one per title. The
 * layout (A4 landscape, quốc hiệu and tiêu ngữ, holder, decision, register
 * number, signer, seal, QR) is fixed by the template code; these are the words
 * an office changes. An empty field means "take it from the decision".
 */
const Line = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);

export const CertificateTemplate = z.object({
  title: TitleKind,
  /** The body above the issuing one, printed small above it ("UBND HUYỆN TÂN HỒNG"); empty for none. */
  superiorBody: Line(120),
  /** The issuing body; empty = the authority of the decision. */
  issuingBody: Line(120),
  heading: Line(60).min(1, 'Thiếu tiêu đề giấy'),
  /** The line before the holder's name. */
  lead: Line(120),
  /** The line before the title, after the holder. */
  achievement: Line(120),
  /** Empty = the signer of the decision. */
  signerTitle: Line(120),
  signerName: Line(120),
  /** Empty = the place of the decision. */
  place: Line(80),
});
export type CertificateTemplate = z.infer<typeof CertificateTemplate>;

export function defaultCertificateTemplate(title: TitleKind): CertificateTemplate {
  return {
    title,
    superiorBody: '',
    issuingBody: '',
    heading: 'GIẤY CÔNG NHẬN',
    lead: title === 'cong_dan' ? 'Công nhận Ông (Bà):' : 'Công nhận:',
    achievement: `Đạt danh hiệu “${TITLE_LABELS[title]}”`,
    signerTitle: '',
    signerName: '',
    place: '',
  };
}
