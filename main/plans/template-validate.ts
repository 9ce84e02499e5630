import { AppError, type FieldIssue } from '../../shared/errors.js';
import { MAX_REPORTED_ISSUES } from '../../shared/jobs.js';
import { JsonSyntaxError, parseJsonWithLines, type JsonPath } from '../../shared/json-positions.js';
import { checkTemplateReferences, PlanTemplate } from '../../shared/plan-template.js';

/** "Dòng 42 (tasks › 3 › lead): …" — where the officer must look in the file. */
export function templateIssueMessage(line: number, path: JsonPath, message: string): string {
  return path.length > 0 ? `Dòng ${line} (${path.join(' › ')}): ${message}` : `Dòng ${line}: ${message}`;
}

/** Names the first problem; the first MAX_REPORTED_ISSUES travel with their lines, the rest are counted. */
function refuse(fileName: string, issues: FieldIssue[]): never {
  const more = issues.length > 1 ? ` (và ${issues.length - 1} lỗi khác)` : '';
  throw new AppError('IMPORT_INVALID', `Mẫu kế hoạch "${fileName.slice(0, 100)}" không hợp lệ. ${issues[0]!.message}${more}`, {
    issues: issues.slice(0, MAX_REPORTED_ISSUES),
    issueCount: issues.length,
  });
}

/**
 * Parses and checks a template file: JSON syntax, the schema, then the
 * cross-references; every problem names its line. Nothing is written here.
 */
export function parseTemplate(fileName: string, content: string): PlanTemplate {
  let positioned;
  try {
    positioned = parseJsonWithLines(content);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    refuse(fileName, [{ path: [], message: `${error.message} (JSON không hợp lệ)` }]);
  }
  const parsed = PlanTemplate.safeParse(positioned.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      return { path, message: templateIssueMessage(positioned.lineOf(path), path, i.message) };
    });
    refuse(fileName, issues);
  }
  const references = checkTemplateReferences(parsed.data);
  if (references.length > 0) {
    refuse(fileName, references.map((i) => ({ path: i.path, message: templateIssueMessage(positioned.lineOf(i.path), i.path, i.message) })));
  }
  return parsed.data;
}
