/**
 * A ReadableStream fed one chunk at a time by `offer`, which resolves only once the stream's reader
 * has taken the chunk: the sender of the plaintext (main, then the page) goes no faster than age
 * encrypts and the disk writes, and at most one chunk waits here.
 */
export interface PlaintextHandoff {
  readonly stream: ReadableStream<Uint8Array>;
  offer(chunk: Uint8Array): Promise<void>;
  /** No more chunks: the stream closes once the last one was taken. */
  end(): void;
  /** Refuses what waits and what comes later (the seal failed or was abandoned). */
  fail(reason: Error): void;
}

type Waiting = { chunk: Uint8Array | null; taken: () => void; refused: (reason: Error) => void };

export function plaintextHandoff(): PlaintextHandoff {
  const queue: Waiting[] = [];
  let puller: (() => void) | undefined;
  let failure: Error | undefined;
  const wake = () => {
    puller?.();
    puller = undefined;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (puller = resolve));
        if (failure) return controller.error(failure);
        const next = queue.shift()!;
        if (next.chunk === null) controller.close();
        else controller.enqueue(next.chunk);
        next.taken();
      },
      cancel() {
        failure ??= new Error('plaintext_cancelled');
        for (const w of queue.splice(0)) w.refused(failure);
      },
    },
    { highWaterMark: 0 },
  );
  const put = (chunk: Uint8Array | null) =>
    new Promise<void>((taken, refused) => {
      if (failure) return refused(failure);
      queue.push({ chunk, taken, refused });
      wake();
    });
  return {
    stream,
    offer: (chunk) => put(chunk),
    end: () => void put(null).catch(() => undefined),
    fail(reason) {
      failure ??= reason;
      for (const w of queue.splice(0)) w.refused(failure);
      wake();
    },
  };
}
