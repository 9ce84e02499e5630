import { tasksOps } from '../../shared/tasks.js';
import type { FeatureHandlers } from '../app/handlers.js';
import { listTaskRows } from './task-list.js';
import { listProgressReports, reportProgress } from './task-progress.service.js';
import { createTask, deleteTask, updateTask } from './tasks.service.js';

export { countTasksByPlan, listTaskDtos, listTaskRows, loadTaskRows } from './task-list.js';
export { reportProgress } from './task-progress.service.js';
export { createTaskInTx, updateTask, type TaskWrite } from './tasks.service.js';

export const tasksHandlers: FeatureHandlers<typeof tasksOps> = {
  'tasks.create': (input, ctx) => createTask(ctx, input),
  'tasks.update': (input, ctx) => updateTask(ctx, input),
  'tasks.delete': (input, ctx) => deleteTask(ctx, input),
  'tasks.list': (input, ctx) => listTaskRows(ctx.db, input, ctx.clock.today()),
  'tasks.reportProgress': (input, ctx) => reportProgress(ctx, input),
  'tasks.progressReports': (input, ctx) => listProgressReports(ctx.db, input.taskId),
};
