export { JobCancelled, NEVER_CANCELLED, cancelTokenOf, type CancelToken } from './cancel.js';
export { cancelJob, isFinished, jobStatus, startWorkerJob, waitForJob, type JobStatus } from './worker-jobs.js';
export { workerFile, type WorkerScript } from './worker-file.js';
export { lowerThreadPriority, runJob, type Progress } from './worker-side.js';
export { progressLines } from './cli-progress.js';
