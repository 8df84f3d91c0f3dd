/** Runs `fn` while sampling the process's resident memory every 20 ms; returns seconds and peak RSS. */
export async function measurePeak<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakMiB: number; startMiB: number }> {
  const startMiB = process.memoryUsage().rss / 2 ** 20;
  let peak = startMiB;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 20);
  const started = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20);
    return { value, seconds: (performance.now() - started) / 1000, peakMiB: peak, startMiB };
  } finally {
    clearInterval(timer);
  }
}
