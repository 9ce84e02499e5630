/**
 * A JSON parser that remembers the line of every value, so an import can say
 * "Dòng 42 (tasks › 3 › lead)". Object members map to their key's line,
 * array items to the line where the item starts.
 */

import { unsafeTextReason } from './safe-text.js';

export type JsonPath = (string | number)[];

/**
 * Deepest nesting accepted. A template is a few levels deep; a file of ten
 * thousand "[" would otherwise exhaust the stack and surface as an internal error.
 */
export const MAX_JSON_DEPTH = 64;

/** Keys that would reach an object's prototype once the value is used as a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`Dòng ${line}, cột ${column}: ${detail}`);
    this.name = 'JsonSyntaxError';
  }
}

export interface PositionedJson {
  value: unknown;
  /** The line of the value at the path, or of its nearest existing ancestor (a missing field points at its object). */
  lineOf(path: JsonPath): number;
}

const keyOf = (path: JsonPath) => JSON.stringify(path);

/**
 * Parses JSON text and records lines.
 * @example parseJsonWithLines('{\n "a": [1,\n 2]\n}').lineOf(['a', 1]) === 3
 */
export function parseJsonWithLines(text: string): PositionedJson {
  const lines = new Map<string, number>();
  const reader = new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, lines);
  reader.skipSpace();
  const value = reader.value([]);
  reader.skipSpace();
  if (!reader.atEnd()) reader.fail('còn ký tự thừa sau dữ liệu JSON');
  return {
    value,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const line = lines.get(keyOf(path.slice(0, n)));
        if (line !== undefined) return line;
      }
      return 1;
    },
  };
}

class Reader {
  private at = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Map<string, number>,
  ) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  fail(detail: string): never {
    throw new JsonSyntaxError(this.line, this.at - this.lineStart + 1, detail);
  }

  skipSpace(): void {
    while (!this.atEnd()) {
      const c = this.text[this.at];
      if (c === '\n') {
        this.line++;
        this.lineStart = this.at + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      this.at++;
    }
  }

  value(path: JsonPath): unknown {
    if (path.length >= MAX_JSON_DEPTH) this.fail(`dữ liệu lồng quá sâu (tối đa ${MAX_JSON_DEPTH} cấp)`);
    if (!this.lines.has(keyOf(path))) this.lines.set(keyOf(path), this.line);
    const c = this.text[this.at];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, result] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return result;
      }
    }
    return this.fail(c === undefined ? 'dữ liệu JSON bị cắt cụt' : `ký tự không hợp lệ "${c}"`);
  }

  private expect(char: string): void {
    if (this.text[this.at] !== char) this.fail(`thiếu "${char}"`);
    this.at++;
  }

  private object(path: JsonPath): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') return this.at++, result;
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') this.fail('thiếu tên trường trong dấu nháy kép');
      const keyLine = this.line;
      const keyColumn = this.at - this.lineStart + 1;
      const key = this.string();
      if (FORBIDDEN_KEYS.has(key)) throw new JsonSyntaxError(keyLine, keyColumn, `tên trường "${key}" không được phép`);
      if (Object.hasOwn(result, key)) throw new JsonSyntaxError(keyLine, keyColumn, `trường "${key.slice(0, 60)}" xuất hiện hai lần`);
      this.lines.set(keyOf([...path, key]), keyLine);
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      result[key] = this.value([...path, key]);
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      else return this.expect('}'), result;
    }
  }

  private array(path: JsonPath): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') return this.at++, result;
    for (;;) {
      this.skipSpace();
      result.push(this.value([...path, result.length]));
      this.skipSpace();
      if (this.text[this.at] === ',') this.at++;
      else return this.expect(']'), result;
    }
  }

  private string(): string {
    const start = this.at;
    this.at++;
    while (!this.atEnd() && this.text[this.at] !== '"') {
      if (this.text[this.at] === '\n') this.fail('chuỗi chưa đóng dấu nháy kép');
      this.at += this.text[this.at] === '\\' ? 2 : 1;
    }
    if (this.atEnd()) this.fail('chuỗi chưa đóng dấu nháy kép');
    this.at++;
    let parsed: string;
    try {
      parsed = JSON.parse(this.text.slice(start, this.at)) as string;
    } catch {
      return this.fail('chuỗi chứa ký tự thoát không hợp lệ');
    }
    // An escape (\u0000, \ud800) can write what the file's own bytes could not.
    const unsafe = unsafeTextReason(parsed);
    if (unsafe) this.fail(`chuỗi ${unsafe}`);
    return parsed;
  }

  private number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 64));
    if (!match) this.fail('số không hợp lệ');
    this.at += match[0].length;
    return Number(match[0]);
  }
}
