/**
 * Numbers typed by people into spreadsheet cells. Vietnamese writes "1.210"
 * for one thousand two hundred and ten and "980,7" for a decimal; the same
 * sheet may also hold plain "1210" or "980.7". A reading that could mean two
 * different numbers is refused rather than guessed: "1,210" is 1,21 in vi-VN
 * but 1210 in en-US.
 */

export type ParsedNumber =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'ambiguous'; message: string }
  | { kind: 'invalid'; message: string };

/** Space-like characters used between digit groups: space, no-break space, narrow no-break space, thin space. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
const GROUPED = (sep: string) => new RegExp(`^[1-9]\\d{0,2}(\\${sep}\\d{3})+$`);
const DOT_GROUPED = GROUPED('.');
const COMMA_GROUPED = GROUPED(',');
const SPACE_GROUPED = /^[1-9]\d{0,2}( \d{3})+$/;
const DIGITS = /^\d+$/;

const number = (sign: string, integer: string, fraction = ''): ParsedNumber => ({
  kind: 'number',
  value: Number(`${sign}${integer}${fraction ? `.${fraction}` : ''}`),
});

/**
 * Reads a number written as a person writes it.
 * @example parseHumanNumber('1.210') → 1210; parseHumanNumber('980,7') → 980.7; parseHumanNumber('1,210') → ambiguous
 */
export function parseHumanNumber(raw: string): ParsedNumber {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const sign = text[0] === '-' ? '-' : '';
  const body = text.replace(/^[-+]/, '').replace(GROUP_SPACES, ' ');
  if (body.includes(' ')) {
    if (!SPACE_GROUPED.test(body.split(/[.,]/)[0]!)) return invalid(raw);
    return parseHumanNumber(`${sign}${body.replaceAll(' ', '')}`);
  }
  if (DIGITS.test(body)) return number(sign, body);

  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // Both separators: the last one is the decimal mark, the other groups thousands ("1.210,5" or "1,210.5").
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [integer, fraction, extra] = body.split(decimal);
    if (extra !== undefined || !DIGITS.test(fraction ?? '') || !GROUPED(group).test(integer!)) return invalid(raw);
    return number(sign, integer!.replaceAll(group, ''), fraction);
  }
  const count = dots + commas;
  if (count === 0) return invalid(raw);
  const separator = dots > 0 ? '.' : ',';
  const [integer, fraction] = body.split(separator);
  if (count > 1) {
    // "1.210.500" groups thousands in vi-VN, "1,210,500" in en-US; neither can be a decimal.
    if ((separator === '.' ? DOT_GROUPED : COMMA_GROUPED).test(body)) return number(sign, body.replaceAll(separator, ''));
    return invalid(raw);
  }
  if (!DIGITS.test(integer!) || !DIGITS.test(fraction!)) return invalid(raw);
  const looksGrouped = fraction!.length === 3 && /^[1-9]\d{0,2}$/.test(integer!);
  if (separator === '.') {
    // vi-VN thousands ("1.210") wins over a plain decimal with three places; "980.7" and "0.500" can only be decimals.
    return looksGrouped ? number(sign, integer! + fraction!) : number(sign, integer!, fraction);
  }
  if (looksGrouped) {
    return {
      kind: 'ambiguous',
      message: `"${raw.trim()}" có thể là ${integer},${fraction} (cách viết Việt Nam) hoặc ${integer}${fraction} (cách viết tiếng Anh); hãy ghi ${integer}.${fraction} hoặc ${integer}${fraction}`,
    };
  }
  return number(sign, integer!, fraction);
}

function invalid(raw: string): ParsedNumber {
  return { kind: 'invalid', message: `"${raw.trim().slice(0, 40)}" không phải là số` };
}

/**
 * Writes a number the vi-VN way for messages ("980,7", "1.210"), so an officer
 * sees the value exactly as it was read.
 */
export function formatVietnameseNumber(value: number): string {
  return value.toLocaleString('vi-VN', { maximumFractionDigits: 20, useGrouping: true });
}
