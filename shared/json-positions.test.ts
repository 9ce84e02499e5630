import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, MAX_JSON_DEPTH, parseJsonWithLines } from './json-positions.js';

const text = `{
  "plan": { "title": "A" },
  "tasks": [
    {
      "key": "t1",
      "lead": "x"
    },
    { "key": "t2", "text": "dòng \\"có\\" nháy" }
  ],
  "n": -1.5e2
}`;

describe('parseJsonWithLines', () => {
  const parsed = parseJsonWithLines(text);
  it('parses the same value as JSON.parse', () => {
    expect(parsed.value).toEqual(JSON.parse(text));
  });
  it.each([
    [[], 1],
    [['plan'], 2],
    [['plan', 'title'], 2],
    [['tasks'], 3],
    [['tasks', 0], 4],
    [['tasks', 0, 'lead'], 6],
    [['tasks', 1, 'text'], 8],
    [['tasks', 0, 'missing'], 4],
    [['n'], 10],
  ] as const)('finds %j on line %d', (path, line) => {
    expect(parsed.lineOf([...path])).toBe(line);
  });
  it.each([
    ['{\n  "a": 1,\n  "b": \n}', 4],
    ['{\n  "a": "x\n"}', 2],
    ['[1, 2] x', 1],
    ['{"a" 1}', 1],
  ])('reports a syntax error with its line', (bad, line) => {
    try {
      parseJsonWithLines(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).line).toBe(line);
      expect((error as JsonSyntaxError).message).toMatch(/^Dòng \d+, cột \d+: /);
    }
  });
  it('skips a byte order mark', () => {
    expect(parseJsonWithLines('\ufeff{"a":1}').value).toEqual({ a: 1 });
  });

  it.each<[string, string, number, RegExp]>([
    ['nesting one level too deep', `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`, 1, /lồng quá sâu \(tối đa 64 cấp\)/],
    ['100,000 levels of nesting (a stack overflow before)', `{"a":\n${'['.repeat(100_000)}`, 2, /lồng quá sâu/],
    ['a __proto__ key', '{\n  "plan": {\n    "__proto__": { "admin": true }\n  }\n}', 3, /tên trường "__proto__" không được phép/],
    ['a constructor key', '{"constructor": 1}', 1, /"constructor" không được phép/],
    ['a prototype key', '[{}, {"prototype": 1}]', 1, /"prototype" không được phép/],
    ['a key given twice', '{\n  "key": "a",\n  "key": "b"\n}', 3, /trường "key" xuất hiện hai lần/],
    ['an escaped NUL', '{\n "name": "a\\u0000b"\n}', 2, /ký tự rỗng \(NUL\)/],
    ['an escaped lone surrogate', '{\n\n "name": "a\\ud800"\n}', 3, /nửa cặp thay thế/],
  ])('refuses %s with its line', (_name, bad, line, message) => {
    try {
      parseJsonWithLines(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).line).toBe(line);
      expect((error as JsonSyntaxError).message).toMatch(message);
    }
  });

  it('accepts nesting up to the limit and leaves prototypes alone', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseJsonWithLines(deep)).not.toThrow();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
