/**
 * Long metrics (betweenness, closeness) are written as generators that yield after each slice of
 * work. The same code then runs to completion synchronously (CLI, tests) or, in a worker, in
 * slices with a pause between them so that a "cancel" message can arrive and progress can be
 * posted — a worker busy in one synchronous loop would never see the message.
 */
export interface JobProgress {
  done: number;
  total: number;
}

export interface JobControl {
  /** Called after each slice with how much is done. */
  onProgress?: (progress: JobProgress) => void;
  /** Checked after each slice; true stops the job with a `JobCancelled` error. */
  isCancelled?: () => boolean;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export type Job<T> = Generator<JobProgress, T, void>;

export function runJob<T>(job: Job<T>, control: JobControl = {}): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value);
    if (control.isCancelled?.()) {
      job.return(undefined as never);
      throw new JobCancelled();
    }
  }
}

/** Runs a job in slices, awaiting `pause()` (e.g. a zero-delay timer in a worker) between them. */
export async function runJobInSlices<T>(
  job: Job<T>,
  control: JobControl & { pause: () => Promise<void> },
): Promise<T> {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value);
    await control.pause();
    if (control.isCancelled?.()) {
      job.return(undefined as never);
      throw new JobCancelled();
    }
  }
}

/** How many sources one slice of an all-sources job processes: about 20 slices per second at 10k/50k. */
export function sliceSize(nodeCount: number, edgeCount: number): number {
  const workPerSource = nodeCount + 2 * edgeCount + 1;
  return Math.max(1, Math.floor(2_000_000 / workPerSource));
}
