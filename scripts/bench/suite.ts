// What every benchmark suite gets and gives back.
import type { Figure } from './figures';

export interface BenchOptions {
  /** Scaled-down sizes for a quick run (a minute or two instead of many). */
  quick: boolean;
  /** mosquitto's binary when installed; the mosquitto figures are skipped (and said so) without it. */
  mosquitto: boolean;
}

export interface Suite {
  name: string;
  run(options: BenchOptions): Promise<Figure[]>;
}
