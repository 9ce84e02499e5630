import { describe, expect, it } from 'vitest';
import {
  collisionKey,
  decodeManifestPath,
  encodeManifestPath,
  parseManifest,
  parseTagFile,
  pathProblem,
  shownName,
} from '../../main/bundles/bag/bagit-text.js';
import { readBagInfo } from '../../main/bundles/bag/bag-info.js';

const H = 'a'.repeat(64);

describe('bag paths', () => {
  it.each([
    ['data/records/units.jsonl', null],
    ['data/files/Ấp Tân Thành 100%.pdf', null],
    ['data/files/hai\ndòng\r.txt', null],
    ['', 'tên rỗng'],
    ['/etc/passwd', 'đường dẫn tuyệt đối'],
    ['C:/x', 'đường dẫn tuyệt đối'],
    ['data\\x', 'có dấu gạch ngược "\\"'],
    ['data/a\u0000', 'có ký tự NUL'],
    ['data/a\u0007', 'có ký tự điều khiển'],
    ['data/\ud800x', 'không phải UTF-8 hợp lệ'],
    ['data/../x', 'có đoạn ".." (ra ngoài gói)'],
    ['data//x', 'có đoạn rỗng hoặc "."'],
    ['data/./x', 'có đoạn rỗng hoặc "."'],
    ['data/x/', 'có đoạn rỗng hoặc "."'],
    ['data/Ấp'.normalize('NFD'), 'tên không ở dạng Unicode NFC'],
    [`data/${'x'.repeat(256)}`, 'một đoạn tên dài hơn 255 byte'],
    [`data/${'x/'.repeat(600)}x`, 'tên dài hơn 1024 byte'],
  ])('%j → %j', (path, problem) => {
    expect(pathProblem(path)).toBe(problem);
  });

  it('folds case and Unicode form into one key, as Windows and macOS disks do', () => {
    expect(collisionKey('data/Bundle.JSON')).toBe(collisionKey('data/bundle.json'));
    expect(collisionKey('data/Ấp'.normalize('NFD'))).toBe(collisionKey('data/ấp'));
  });

  it('shows control characters and cuts long names', () => {
    expect(shownName('data/a\u0000b\nc')).toBe('data/a\\x00b%0Ac');
    expect(shownName(`data/${'x'.repeat(200)}`)).toHaveLength(118);
  });
});

describe('manifest paths (RFC 8493 §2.1.3)', () => {
  it.each([
    ['data/plain.txt', 'data/plain.txt'],
    ['data/100%.txt', 'data/100%25.txt'],
    ['data/a\nb', 'data/a%0Ab'],
    ['data/a\r\nb', 'data/a%0D%0Ab'],
    ['data/%0A literal', 'data/%250A literal'],
  ])('%j ⇄ %j', (path, encoded) => {
    expect(encodeManifestPath(path)).toBe(encoded);
    expect(decodeManifestPath(encoded)).toBe(path);
  });

  it.each(['data/%41', 'data/%', 'data/%2', 'data/%zz'])('refuses the stray percent in %j', (encoded) => {
    expect(decodeManifestPath(encoded)).toBeNull();
  });

  it('accepts lower-case escapes as RFC 3986 does', () => {
    expect(decodeManifestPath('data/a%0ab%25')).toBe('data/a\nb%');
  });
});

describe('manifest files', () => {
  it.each([
    ['', { ok: true, value: [] }],
    [`${H}  data/a\n${H}  data/b%0Ac\n`, { ok: true, value: [{ sha256: H, path: 'data/a' }, { sha256: H, path: 'data/b\nc' }] }],
    [`${H}  data/a`, { ok: false, lineNo: 1, problem: 'dòng cuối không kết thúc bằng xuống dòng' }],
    [`${H}  data/a\r\n`, { ok: false, lineNo: 1, problem: 'có ký tự CR (gói XHHT dùng LF)' }],
    [`${H} data/a\n`, { ok: false, lineNo: 1, problem: 'không đúng dạng "<sha256>  <đường dẫn>"' }],
    [`${H.toUpperCase()}  data/a\n`, { ok: false, lineNo: 1, problem: 'không đúng dạng "<sha256>  <đường dẫn>"' }],
    [`${H}  data/a\n\n`, { ok: false, lineNo: 2, problem: 'không đúng dạng "<sha256>  <đường dẫn>"' }],
    [`${H}  data/a\n${H}  data/a\n`, { ok: false, lineNo: 2, problem: '"data/a" được kê hai lần' }],
    [`${H}  data/%41\n`, { ok: false, lineNo: 1, problem: 'dấu % không mã hóa đúng (chỉ %25, %0D, %0A)' }],
  ])('%j', (text, expected) => {
    expect(parseManifest(text)).toEqual(expected);
  });
});

describe('tag files', () => {
  it.each([
    ['A: 1\nB-c: x y\n', { ok: true, value: new Map([['A', '1'], ['B-c', 'x y']]) }],
    ['A:\n', { ok: true, value: new Map([['A', '']]) }],
    ['A: 1\nA: 2\n', { ok: false, lineNo: 2, problem: '"A" xuất hiện hai lần' }],
    ['A 1\n', { ok: false, lineNo: 1, problem: 'không đúng dạng "Tên: giá trị"' }],
    ['A: 1\n  continued\n', { ok: false, lineNo: 2, problem: 'không đúng dạng "Tên: giá trị"' }],
    ['A: 1\r\n', { ok: false, lineNo: 1, problem: 'có ký tự CR (gói XHHT dùng LF)' }],
  ])('%j', (text, expected) => {
    expect(parseTagFile(text)).toEqual(expected);
  });
});

describe('bag-info.txt', () => {
  const good = [
    'Source-Organization: UBND xã Tân Hộ Cơ',
    'Bagging-Date: 2026-12-04',
    'Payload-Oxum: 2437.3',
    'External-Identifier: 0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    'XHHT-Kind: sync',
    'XHHT-Schema: 190',
    'XHHT-Office: 30001',
  ];
  const text = (lines: string[]) => `${lines.join('\n')}\n`;
  const replace = (label: string, value: string | null) =>
    text(value === null ? good.filter((l) => !l.startsWith(`${label}:`)) : good.map((l) => (l.startsWith(`${label}:`) ? `${label}: ${value}` : l)));

  it('reads the fields; no XHHT-Period is every period', () => {
    expect(readBagInfo(text(good))).toEqual({
      ok: true,
      info: { bundleId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', kind: 'sync', schema: 190, officeCode: '30001', officeName: 'UBND xã Tân Hộ Cơ', period: null, baggingDate: '2026-12-04' },
      oxum: { bytes: 2437, files: 3 },
    });
    expect(readBagInfo(text([...good, 'XHHT-Period: 2026'])).ok && (readBagInfo(text([...good, 'XHHT-Period: 2026'])) as { info: { period: string } }).info.period).toBe('2026');
  });

  it.each([
    ['XHHT-Kind', 'tmpl', 'loại gói (XHHT-Kind) "tmpl" không phải report, template hay sync'],
    ['XHHT-Schema', '1.5', 'phiên bản lược đồ (XHHT-Schema) "1.5" không phải số nguyên dương'],
    ['XHHT-Schema', '0', 'phiên bản lược đồ (XHHT-Schema) "0" không phải số nguyên dương'],
    ['Payload-Oxum', '12', 'trường Payload-Oxum không đúng dạng "số byte.số tệp"'],
    ['Bagging-Date', '2026-02-30', 'ngày đóng gói (Bagging-Date) không phải ngày yyyy-mm-dd'],
    ['External-Identifier', 'a b', 'mã gói (External-Identifier) không hợp lệ'],
    ['XHHT-Office', 'mã có dấu', 'mã cơ quan (XHHT-Office) không hợp lệ'],
    ['Source-Organization', '', 'tên cơ quan gửi (Source-Organization) trống hoặc quá dài'],
    ['XHHT-Office', null, 'thiếu trường XHHT-Office'],
  ])('%s = %j → %j', (label, value, problem) => {
    expect(readBagInfo(replace(label, value))).toEqual({ ok: false, problem });
  });
});
