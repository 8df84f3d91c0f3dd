/**
 * Group commit: items submitted while a batch is being committed wait, and go together in the next
 * batch (at most `maxBatch`), so N concurrent writers pay for about one commit instead of N. Each
 * submitter's promise settles with its own item's result, after its batch's commit. With nothing in
 * flight an item is committed at once, alone: no added wait when the load is light.
 */
export function createGroupCommitter<T, R>(
  commit: (items: readonly T[]) => Promise<readonly R[]>,
  maxBatch: number,
): (item: T) => Promise<R> {
  const queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  const drain = async (): Promise<void> => {
    running = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await commit(batch.map((b) => b.item));
        batch.forEach((b, i) => {
          const result = results[i];
          if (result === undefined) b.reject(new Error("the batch returned no result for an item"));
          else b.resolve(result);
        });
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    running = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
