// Rates from a counter's samples: the difference between two successive samples over
// the time between them. A counter that goes down was reset (the broker restarted),
// so that step gives no point rather than a large negative rate.

export interface CounterSample {
  /** Epoch ms the sample arrived. */
  at: number;
  value: number;
}

export interface RatePoints {
  times: number[];
  /** Per second. */
  values: number[];
}

export function counterRates(samples: readonly CounterSample[]): RatePoints {
  const times: number[] = [];
  const values: number[] = [];
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1];
    const after = samples[i];
    const seconds = (after.at - before.at) / 1000;
    if (seconds <= 0 || after.value < before.value) continue;
    times.push(after.at);
    values.push((after.value - before.value) / seconds);
  }
  return { times, values };
}
