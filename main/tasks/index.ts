import { tasksOps } from '../../shared/tasks.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { listTaskRows } from './task-list.js';
import { exportOccurrences, exportTasks } from './tasks.export.js';
import { listTaskOccurrences, setOccurrence } from './task-occurrences.service.js';
import { deleteProgress, listProgressReports, reportProgress, updateProgress } from './task-progress.service.js';
import { createTask, deleteTask, updateTask } from './tasks.service.js';

export { countTasksByPlan, listTaskDtos, listTaskRows, loadTaskRows } from './task-list.js';
export { assertMemberOf, assertMembers, loadMemberDirectory, membersOf, type Member, type MemberDirectory } from './members.js';
export { listTaskOccurrences, setOccurrenceInTx } from './task-occurrences.service.js';
export { findLiveTask } from './tasks.repo.js';
export { reportProgress } from './task-progress.service.js';
export { createTaskInTx, updateTask, type TaskWrite } from './tasks.service.js';

export const tasksHandlers: FeatureHandlers<typeof tasksOps> = {
  'tasks.create': (input, ctx) => createTask(ctx, input),
  'tasks.update': (input, ctx) => updateTask(ctx, input),
  'tasks.delete': (input, ctx) => deleteTask(ctx, input),
  'tasks.list': (input, ctx) => listTaskRows(ctx.db, input, ctx.clock.today()),
  'tasks.export': (input, ctx) => exportTasks(ctx.db, input, ctx.clock.today()),
  'tasks.reportProgress': (input, ctx) => reportProgress(ctx, input),
  'tasks.updateProgress': (input, ctx) => updateProgress(ctx, input),
  'tasks.deleteProgress': (input, ctx) => deleteProgress(ctx, input),
  'tasks.progressReports': (input, ctx) => listProgressReports(ctx.db, input.taskId),
  'tasks.occurrences': (input, ctx) => listTaskOccurrences(ctx.db, input.taskId, ctx.clock.today()),
  'tasks.exportOccurrences': (input, ctx) => exportOccurrences(ctx.db, input.taskId, ctx.clock.today()),
  'tasks.setOccurrence': (input, ctx) => setOccurrence(ctx, input),
};
