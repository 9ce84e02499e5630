import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithLines } from './json-positions.js';

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
});
