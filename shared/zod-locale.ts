import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: 'văn bản',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  nan: 'số',
  boolean: 'đúng/sai',
  array: 'danh sách',
  tuple: 'danh sách',
  set: 'danh sách',
  object: 'đối tượng',
  record: 'đối tượng',
  map: 'đối tượng',
  date: 'ngày',
  file: 'tệp',
  null: 'rỗng',
};

const FORMAT_NAMES: Record<string, string> = {
  date: 'Ngày phải có dạng yyyy-mm-dd',
  datetime: 'Thời điểm không đúng định dạng',
  time: 'Giờ không đúng định dạng',
  email: 'Địa chỉ email không hợp lệ',
  url: 'Địa chỉ web không hợp lệ',
  uuid: 'Mã không hợp lệ',
  guid: 'Mã không hợp lệ',
};

/** Numbers at the edge of exact integers: "quá lớn" says more to an officer than 9007199254740991. */
const SAFE_EDGE = Number.MAX_SAFE_INTEGER;

type Issue = z.core.$ZodRawIssue;

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `Tối đa ${max} ký tự`;
    case 'array':
    case 'set':
      return `Tối đa ${max} mục`;
    case 'file':
      return `Tệp lớn quá ${max} byte`;
    case 'number':
    case 'int':
    case 'bigint':
      if (max >= SAFE_EDGE) return 'Số quá lớn';
      return issue.inclusive ? `Không được lớn hơn ${max}` : `Phải nhỏ hơn ${max}`;
    default:
      return 'Giá trị quá lớn';
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? 'Không được để trống' : `Cần ít nhất ${min} ký tự`;
    case 'array':
    case 'set':
      return min <= 1 ? 'Cần ít nhất một mục' : `Cần ít nhất ${min} mục`;
    case 'number':
    case 'int':
    case 'bigint':
      if (min <= -SAFE_EDGE) return 'Số quá nhỏ';
      return issue.inclusive ? `Không được nhỏ hơn ${min}` : `Phải lớn hơn ${min}`;
    default:
      return 'Giá trị quá nhỏ';
  }
}

/**
 * Vietnamese messages for the checks a schema does not word itself (a missing
 * field, a wrong type, a limit, a format), so no English reaches an officer.
 * Every issue code is worded here rather than falling back to zod's own
 * locale, whose messages carry type names such as "number" and "string".
 * Internal codes (enum values) are not listed: the form offers the choices.
 */
export function vietnameseErrorMap(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[String(issue.expected)];
      if (!expected) return 'Kiểu dữ liệu không hợp lệ';
      return issue.input === undefined ? `Thiếu trường bắt buộc (cần ${expected})` : `Phải là ${expected}`;
    }
    case 'invalid_value':
      return 'Lựa chọn không hợp lệ';
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return FORMAT_NAMES[issue.format] ?? 'Không đúng định dạng';
    case 'not_multiple_of':
      return `Phải là bội số của ${Number(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'Khóa không hợp lệ';
    case 'invalid_element':
      return 'Phần tử không hợp lệ';
    case 'invalid_union':
      return 'Giá trị không đúng với dạng nào được chấp nhận';
    default:
      return 'Giá trị không hợp lệ';
  }
}

z.config({ localeError: vietnameseErrorMap });
