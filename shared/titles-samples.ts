import { CriteriaSetDefinition, type CriteriaSetInput, type Criterion } from './titles-criteria.js';

/**
 * The criteria sets XHHT ships. They follow the public outline of each title
 * (DOMAIN.md, "Criteria and who recognises") but the wording of indicators is
 * ours: every office edits them against the documents in force, and an edit
 * makes a new version (evaluations keep the version they were scored on).
 */
export const SAMPLE_NOTE = 'mẫu — điều chỉnh theo văn bản hiện hành';

type IndicatorRow = [code: string, name: string, max: number | 'passFail', floor?: number];

function criterion(code: string, name: string, rows: IndicatorRow[]): CriteriaSetInput['criteria'][number] {
  return {
    code,
    name,
    indicators: rows.map(([c, n, max, floor]) => (max === 'passFail' ? { code: c, name: n, kind: 'passFail' as const } : { code: c, name: n, kind: 'points' as const, max, floor: floor ?? null })),
  };
}

/** The three competencies, ten indicators of 10 points with a floor of 5; one indicator is worded for the labour group. */
function citizenCriteria(workIndicator: string): CriteriaSetInput['criteria'] {
  return [
    criterion('1', 'Năng lực tự học và học tập suốt đời', [
      ['1.1', 'Có kế hoạch học tập cá nhân hằng năm', 10, 5],
      ['1.2', 'Tham gia học tập thường xuyên (lớp học, trung tâm học tập cộng đồng, trực tuyến)', 10, 5],
      ['1.3', workIndicator, 10, 5],
      ['1.4', 'Đọc sách, báo, tài liệu để nâng cao hiểu biết', 10, 5],
    ]),
    criterion('2', 'Năng lực sử dụng công cụ tương tác, công nghệ', [
      ['2.1', 'Sử dụng thiết bị số (điện thoại thông minh, máy tính) để học tập, làm việc', 10, 5],
      ['2.2', 'Khai thác thông tin và dịch vụ công trực tuyến', 10, 5],
      ['2.3', 'Có kỹ năng an toàn trên không gian mạng', 10, 5],
    ]),
    criterion('3', 'Năng lực thiết lập và sử dụng các mối quan hệ xã hội', [
      ['3.1', 'Tham gia các hoạt động cộng đồng, đoàn thể', 10, 5],
      ['3.2', 'Chia sẻ kiến thức, giúp đỡ người khác cùng học tập', 10, 5],
      ['3.3', 'Chấp hành pháp luật, quy ước, hương ước nơi cư trú', 10, 5],
    ]),
  ];
}

const CITIZEN_GROUPS: { key: string; group: string; workIndicator: string }[] = [
  { key: 'cdht-nong-dan', group: 'Nông dân', workIndicator: 'Áp dụng kiến thức, kỹ thuật mới vào sản xuất, chăn nuôi' },
  { key: 'cdht-cong-nhan', group: 'Công nhân, người lao động', workIndicator: 'Học tập nâng cao tay nghề, kỹ năng nghề nghiệp' },
  { key: 'cdht-cong-chuc', group: 'Cán bộ, công chức, viên chức', workIndicator: 'Bồi dưỡng, nâng cao trình độ chuyên môn, nghiệp vụ' },
  { key: 'cdht-doanh-nhan', group: 'Doanh nhân, cán bộ quản lý', workIndicator: 'Học tập nâng cao năng lực quản lý, kinh doanh' },
];

const CITIZEN_BASIS = 'Quyết định 677/QĐ-TTg ngày 03/6/2022 của Thủ tướng Chính phủ; bộ tiêu chí theo hướng dẫn của Hội Khuyến học Việt Nam';

/** 100 points over four criteria, as the 2015 family, clan and community sets are laid out. */
function hundredPoints(parts: [code: string, name: string, rows: IndicatorRow[]][]): Criterion[] {
  return parts.map(([code, name, rows]) => criterion(code, name, rows) as Criterion);
}

const RECOGNISED_AT_80: CriteriaSetInput['levels'] = [{ code: 'dat', label: 'Đạt', minTotal: 80, minTotalByArea: { kho_khan: 70 } }];

export interface SampleSet {
  /** Stable key: installing the samples twice installs each once. */
  key: string;
  definition: CriteriaSetDefinition;
}

const samples: { key: string; input: CriteriaSetInput }[] = [
  ...CITIZEN_GROUPS.map(({ key, group, workIndicator }) => ({
    key,
    input: {
      title: 'cong_dan' as const,
      group,
      name: `Bộ tiêu chí Công dân học tập — ${group}`,
      legalBasis: CITIZEN_BASIS,
      note: SAMPLE_NOTE,
      fromYear: 2022,
      criteria: citizenCriteria(workIndicator),
      levels: RECOGNISED_AT_80,
    },
  })),
  {
    key: 'gdht',
    input: {
      title: 'gia_dinh',
      group: 'Hộ gia đình',
      name: 'Bộ tiêu chí Gia đình học tập',
      legalBasis: 'Quyết định 448/QĐ-KHVN (2015) của Hội Khuyến học Việt Nam',
      note: SAMPLE_NOTE,
      fromYear: 2015,
      criteria: hundredPoints([
        ['1', 'Học tập của trẻ em trong gia đình', [['1.1', 'Trẻ em trong độ tuổi đi học đều được đến trường', 15], ['1.2', 'Kết quả học tập, rèn luyện của trẻ em', 15]]],
        ['2', 'Học tập của người lớn trong gia đình', [['2.1', 'Người lớn tham gia học tập thường xuyên', 15], ['2.2', 'Vận dụng kiến thức vào lao động, sản xuất, đời sống', 15]]],
        ['3', 'Điều kiện học tập', [['3.1', 'Có góc học tập, tủ sách gia đình', 10], ['3.2', 'Có thiết bị số, kết nối Internet phục vụ học tập', 10]]],
        ['4', 'Hiệu quả học tập', [['4.1', 'Kinh tế gia đình ổn định, từng bước nâng cao', 10], ['4.2', 'Đạt danh hiệu Gia đình văn hóa', 10], ['4.3', 'Không có thành viên vi phạm pháp luật, mắc tệ nạn xã hội', 'passFail']]],
      ]),
      levels: RECOGNISED_AT_80,
    },
  },
  {
    key: 'dhht',
    input: {
      title: 'dong_ho',
      group: 'Dòng họ',
      name: 'Bộ tiêu chí Dòng họ học tập',
      legalBasis: 'Quyết định 448/QĐ-KHVN (2015) của Hội Khuyến học Việt Nam',
      note: SAMPLE_NOTE,
      fromYear: 2015,
      criteria: hundredPoints([
        ['1', 'Tổ chức, vận động học tập trong dòng họ', [['1.1', 'Có ban khuyến học và quy ước khuyến học của dòng họ', 15], ['1.2', 'Vận động con cháu học tập, biểu dương người học tốt', 15]]],
        ['2', 'Kết quả học tập của con cháu', [['2.1', 'Trẻ em trong độ tuổi đi học đều được đến trường', 15], ['2.2', 'Người lớn tham gia học tập thường xuyên', 15]]],
        ['3', 'Gia đình học tập trong dòng họ', [['3.1', 'Tỷ lệ gia đình đạt Gia đình học tập', 20]]],
        ['4', 'Quỹ khuyến học và hiệu quả', [['4.1', 'Có quỹ khuyến học dòng họ hoạt động hiệu quả', 10], ['4.2', 'Dòng họ đoàn kết, chấp hành tốt pháp luật', 10]]],
      ]),
      levels: RECOGNISED_AT_80,
    },
  },
  {
    key: 'cdhtt',
    input: {
      title: 'cong_dong',
      group: 'Thôn, ấp, khóm, tổ dân phố',
      name: 'Bộ tiêu chí Cộng đồng học tập (thôn, ấp)',
      legalBasis: 'Quyết định 448/QĐ-KHVN (2015) của Hội Khuyến học Việt Nam',
      note: SAMPLE_NOTE,
      fromYear: 2015,
      criteria: hundredPoints([
        ['1', 'Phong trào học tập', [['1.1', 'Có kế hoạch xây dựng cộng đồng học tập', 15], ['1.2', 'Tổ chức các hoạt động học tập cho người dân', 15]]],
        ['2', 'Kết quả xây dựng các mô hình học tập', [['2.1', 'Tỷ lệ gia đình đạt Gia đình học tập', 15], ['2.2', 'Tỷ lệ người lớn đạt Công dân học tập', 15]]],
        ['3', 'Điều kiện học tập', [['3.1', 'Có điểm sinh hoạt, tủ sách cộng đồng', 10], ['3.2', 'Có quỹ khuyến học hoạt động', 10]]],
        ['4', 'Hiệu quả', [['4.1', 'Đời sống vật chất, tinh thần được nâng lên', 10], ['4.2', 'Đạt danh hiệu thôn, ấp văn hóa', 10]]],
      ]),
      levels: RECOGNISED_AT_80,
    },
  },
  {
    key: 'cdht-xa',
    input: {
      title: 'cong_dong_xa',
      group: 'Xã, phường, thị trấn',
      name: 'Bộ tiêu chí Cộng đồng học tập cấp xã',
      legalBasis: 'Thông tư của Bộ Giáo dục và Đào tạo quy định đánh giá, xếp loại cộng đồng học tập cấp xã (hiệu lực từ 12/02/2024)',
      note: SAMPLE_NOTE,
      fromYear: 2024,
      criteria: hundredPoints([
        ['1', 'Công tác lãnh đạo, chỉ đạo', [['1.1', 'Có nghị quyết, kế hoạch xây dựng xã hội học tập', 10], ['1.2', 'Kiện toàn Ban chỉ đạo, phân công nhiệm vụ', 10]]],
        ['2', 'Điều kiện bảo đảm', [['2.1', 'Trung tâm học tập cộng đồng hoạt động hiệu quả', 15], ['2.2', 'Nguồn lực, kinh phí cho học tập suốt đời', 15]]],
        ['3', 'Kết quả học tập của người dân', [['3.1', 'Duy trì đạt chuẩn xóa mù chữ, phổ cập giáo dục', 15], ['3.2', 'Tỷ lệ người dân tham gia học tập thường xuyên', 15]]],
        ['4', 'Kết quả các mô hình học tập', [['4.1', 'Tỷ lệ gia đình, dòng họ, thôn ấp đạt danh hiệu học tập', 10], ['4.2', 'Tỷ lệ công dân đạt Công dân học tập', 10]]],
      ]),
      levels: [
        { code: 'muc_3', label: 'Mức độ 3', minTotal: 90, requireFloors: false },
        { code: 'muc_2', label: 'Mức độ 2', minTotal: 75, requireFloors: false },
        { code: 'muc_1', label: 'Mức độ 1', minTotal: 60, requireFloors: false },
      ],
      failLabel: 'Chưa đạt',
    },
  },
  {
    key: 'dvht',
    input: {
      title: 'don_vi',
      group: 'Cơ quan, trường học, doanh nghiệp',
      name: 'Bộ tiêu chí Đơn vị học tập',
      legalBasis: 'Thông tư 22/2020/TT-BGDĐT; Thông tư 24/2023/TT-BGDĐT',
      note: SAMPLE_NOTE,
      fromYear: 2020,
      criteria: hundredPoints([
        ['1', 'Điều kiện bảo đảm học tập', [['1.1', 'Kế hoạch học tập, bồi dưỡng hằng năm của đơn vị', 10], ['1.2', 'Cơ sở vật chất, thiết bị, tài liệu phục vụ học tập', 10], ['1.3', 'Kinh phí, thời gian dành cho học tập', 10]]],
        ['2', 'Học tập của các thành viên', [['2.1', 'Tỷ lệ thành viên tham gia bồi dưỡng chuyên môn, nghiệp vụ', 10], ['2.2', 'Tỷ lệ thành viên có kỹ năng số đáp ứng yêu cầu công việc', 10], ['2.3', 'Tỷ lệ thành viên đạt Công dân học tập', 10]]],
        ['3', 'Hiệu quả học tập', [['3.1', 'Hoàn thành nhiệm vụ được giao', 10], ['3.2', 'Ứng dụng kết quả học tập vào công việc, đổi mới, sáng kiến', 10], ['3.3', 'Văn hóa học tập, chia sẻ tri thức trong đơn vị', 10], ['3.4', 'Đóng góp cho phong trào học tập của địa phương', 10]]],
      ]),
      levels: [
        { code: 'tot', label: 'Tốt', minTotal: 85, requireFloors: false },
        { code: 'kha', label: 'Khá', minTotal: 70, requireFloors: false },
        { code: 'trung_binh', label: 'Trung bình', minTotal: 50, requireFloors: false },
      ],
      failLabel: 'Chưa đạt',
    },
  },
];

/** Parsed through the same schema an import uses, so a broken sample fails its test, not an office. */
export const SAMPLE_SETS: readonly SampleSet[] = samples.map(({ key, input }) => ({ key, definition: CriteriaSetDefinition.parse(input) }));
