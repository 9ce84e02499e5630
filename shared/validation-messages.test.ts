import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract } from './contract.js';

/**
 * Every message an op's input schema can produce reaches an officer, so none
 * may carry English. The inputs are built from the schemas themselves: for each
 * kind of mistake, a value shaped like the schema whose every leaf is wrong in
 * that way (missing, null, the wrong type, too long, too short, a fraction, a
 * control character, too many items, an unknown key…).
 */
const ENGLISH = /\b(number|numbers|int|integer|string|strings|expected|received|invalid|input|options?|values?|big|small|must|should|characters?|items?|elements?|array|object|boolean|undefined|null|nan|format|required|keys?|union|greater|less|than|instanceof|length|type|date|match|pattern)\b/i;

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

interface Mistake {
  name: string;
  /** The wrong value for a leaf (string, number, boolean, enum …); `undefined` leaves the key out. */
  leaf(def: Def): unknown;
  arrayLength: number;
  extraKey?: boolean;
}

const valid = (def: Def): unknown => {
  switch (def.type) {
    case 'string':
      return 'x';
    case 'number':
    case 'int':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    default:
      return null;
  }
};

const MISTAKES: Mistake[] = [
  { name: 'missing', leaf: () => undefined, arrayLength: 1 },
  { name: 'null', leaf: () => null, arrayLength: 1 },
  { name: 'wrong type', leaf: (d) => (d.type === 'string' || d.type === 'enum' || d.type === 'literal' ? 12345 : 'chữ'), arrayLength: 1 },
  { name: 'an object', leaf: () => ({ a: 1 }), arrayLength: 1 },
  { name: 'too long / too big', leaf: (d) => (d.type === 'string' ? 'x'.repeat(100_001) : d.type === 'number' ? 1e16 : valid(d)), arrayLength: 1 },
  { name: 'empty / negative', leaf: (d) => (d.type === 'string' ? '' : d.type === 'number' ? -1e16 : valid(d)), arrayLength: 0 },
  { name: 'fraction / blank', leaf: (d) => (d.type === 'string' ? '   ' : d.type === 'number' ? 0.5 : valid(d)), arrayLength: 1 },
  { name: 'not finite', leaf: (d) => (d.type === 'number' ? Number.NaN : d.type === 'string' ? 'không-đúng-định-dạng' : valid(d)), arrayLength: 1 },
  { name: 'control characters', leaf: (d) => (d.type === 'string' ? 'a\u0000b\uD800' : d.type === 'number' ? Number.POSITIVE_INFINITY : valid(d)), arrayLength: 1 },
  { name: 'wrong enum value', leaf: (d) => (d.type === 'enum' || d.type === 'literal' ? 'khác' : valid(d)), arrayLength: 1 },
  { name: 'too many items', leaf: valid, arrayLength: 1001 },
  { name: 'unknown key', leaf: valid, arrayLength: 1, extraKey: true },
];

/** A value shaped like the schema; `option` picks the branch of each union, so every branch is reached. */
function shaped(schema: unknown, mistake: Mistake, option: number, depth = 0, inArray = false): unknown {
  const def = defOf(schema);
  if (depth > 12) return mistake.leaf(def);
  const inner = (s: unknown, nowInArray = inArray) => shaped(s, mistake, option, depth + 1, nowInArray);
  switch (def.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        const fieldDef = defOf(field);
        // A literal keeps its value, so a discriminated union runs the checks of its branch.
        const v = fieldDef.type === 'literal' && mistake.name !== 'wrong enum value' ? (fieldDef.values as unknown[])[0] : inner(field);
        if (v !== undefined) value[key] = v;
      }
      if (mistake.extraKey) value.khoaLa = 1;
      return value;
    }
    case 'array':
      // Only the outermost list gets the mistake's length, or lists of lists would multiply it.
      return Array.from({ length: inArray ? 1 : mistake.arrayLength }, () => inner(def.element, true));
    case 'tuple':
      return (def.items as unknown[]).map((item) => inner(item));
    case 'record':
      return { k: inner(def.valueType) };
    case 'union': {
      const options = def.options as unknown[];
      return inner(options[option % options.length]);
    }
    case 'intersection':
      return { ...(inner(def.left) as object), ...(inner(def.right) as object) };
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    default:
      return mistake.leaf(def);
  }
}

function messagesOf(schema: z.ZodType): string[] {
  const messages = new Set<string>();
  const add = (input: unknown) => {
    const result = schema.safeParse(input);
    if (!result.success) for (const issue of result.error.issues) messages.add(issue.message);
  };
  add(undefined);
  add('chữ');
  for (const mistake of MISTAKES) for (let option = 0; option < 4; option++) add(shaped(schema, mistake, option));
  return [...messages];
}

describe('validation messages of every op', () => {
  const messages = new Map(Object.entries(contract).map(([op, spec]) => [op, messagesOf(spec.input)]));

  it('the inputs above reach many different messages (the generator understands the schemas)', () => {
    expect(new Set([...messages.values()].flat()).size).toBeGreaterThan(40);
  });

  it.each([...messages.keys()])('%s words every message in Vietnamese', (op) => {
    const english = messages.get(op)!.filter((m) => ENGLISH.test(m) || m.trim() === '');
    expect(english).toEqual([]);
  });
});
