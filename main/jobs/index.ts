export { JobCancelled, NEVER_CANCELLED, cancelTokenOf, type CancelToken } from './cancel.js';
export { cancelJob, isFinished, jobStatus, startWorkerJob, waitForJob, type JobStatus, type WorkerScript } from './worker-jobs.js';
export { runJob, type Progress } from './worker-side.js';
