import { parseArgs } from 'node:util';
import { z } from 'zod';
import { OfficeCode, OfficeLevel } from '../../shared/office.js';

/** Arguments of each command, validated like any other outside input. */
export const InitArgs = z.object({
  'data-dir': z.string({ message: 'thiếu --data-dir' }).min(1, 'thiếu --data-dir'),
  'office-name': z.string({ message: 'thiếu --office-name' }).trim().min(3, '--office-name phải có ít nhất 3 ký tự'),
  'office-code': OfficeCode,
  level: OfficeLevel.describe('tinh | huyen | xa'),
  'territory-name': z.string().trim().min(2).optional(),
  'territory-code': OfficeCode.optional(),
  province: z.string().trim().optional(),
});

export const DataDirArgs = z.object({ 'data-dir': z.string({ message: 'thiếu --data-dir' }).min(1, 'thiếu --data-dir') });

export const ServeArgs = DataDirArgs.extend({
  port: z.coerce.number({ message: '--port phải là số' }).int().min(0, '--port từ 0 đến 65535').max(65535, '--port từ 0 đến 65535').default(0),
  demo: z.boolean().default(false),
});

const OPTIONS = {
  'data-dir': { type: 'string' },
  'office-name': { type: 'string' },
  'office-code': { type: 'string' },
  level: { type: 'string' },
  'territory-name': { type: 'string' },
  'territory-code': { type: 'string' },
  province: { type: 'string' },
  'admin-login': { type: 'string' },
  'admin-name': { type: 'string' },
  'key-file': { type: 'string' },
  port: { type: 'string' },
  demo: { type: 'boolean' },
  year: { type: 'string' },
  title: { type: 'string' },
  decision: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  encrypt: { type: 'boolean' },
  reprint: { type: 'string' },
  kind: { type: 'string' },
  period: { type: 'string' },
  'no-files': { type: 'boolean' },
  'with-personal-data': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  trust: { type: 'boolean' },
  'on-conflict': { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function readCommandLine(argv: string[]): { command: string | undefined; values: Record<string, unknown>; operands: string[] } {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`tùy chọn không hợp lệ: ${(error as Error).message.split('\n')[0]} (xem --help)`);
  }
  const { positionals, values } = parsed;
  return { command: values.help ? 'help' : positionals[0], values, operands: positionals.slice(1) };
}

export function parseCommandArgs<T extends z.ZodType>(schema: T, values: Record<string, unknown>): z.output<T> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path.length ? `--${String(issue.path[0])}: ` : '';
    throw new CliError(`${flag}${issue.message}`);
  }
  return parsed.data;
}

/** A failure the CLI reports as one line on stderr with a non-zero exit code. */
export class CliError extends Error {}

/** "Phòng GD&ĐT huyện Tân Hồng" → "Tân Hồng": the territory an office name usually ends with. */
export function territoryFromOfficeName(officeName: string): string {
  const match = /(?:huyện|thị xã|thành phố|tỉnh|xã|phường|thị trấn|quận)\s+(.+)$/iu.exec(officeName);
  return (match?.[1] ?? officeName).trim();
}
