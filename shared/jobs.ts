import { z } from 'zod';

/**
 * Long work (an import of 100,000 rows) runs as a job off the request thread:
 * one op starts it and returns its id at once, another reports its progress,
 * a third cancels it. The job writes all or nothing, so a cancelled or failed
 * job leaves the data as it was.
 */

/** At most this many problems travel back; the total is counted beside them. */
export const MAX_REPORTED_ISSUES = 200;

export const JOB_PHASES = ['queued', 'checking', 'reading', 'validating', 'writing', 'done', 'failed', 'cancelled'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];
export const FINISHED_PHASES: readonly JobPhase[] = ['done', 'failed', 'cancelled'];

export const JobRef = z.object({ jobId: z.string().min(1).max(64) });
export const JobStarted = z.object({ jobId: z.string() });

const IssueSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });

/** What a job reports: where it is, how far (done of total rows, total null while unknown) and, once finished, its outcome. */
export function jobStatusSchema<R extends z.ZodType>(result: R) {
  return z.object({
    jobId: z.string(),
    phase: z.enum(JOB_PHASES),
    done: z.number().int(),
    total: z.number().int().nullable(),
    /** Set when the phase is 'done'. */
    result: result.nullable(),
    /** Why it failed or was cancelled, in Vietnamese. */
    message: z.string().nullable(),
    /** The first MAX_REPORTED_ISSUES problems, each with its place (sheet, row, column). */
    issues: z.array(IssueSchema),
    issueCount: z.number().int(),
  });
}

/** Vietnamese name of a phase, for progress lines in the UI and the CLI. */
export const JOB_PHASE_LABELS: Record<JobPhase, string> = {
  queued: 'Đang chuẩn bị',
  checking: 'Đang kiểm tra tệp',
  reading: 'Đang đọc bảng tính',
  validating: 'Đang đối chiếu với dữ liệu',
  writing: 'Đang ghi dữ liệu',
  done: 'Đã xong',
  failed: 'Không thành công',
  cancelled: 'Đã hủy',
};
