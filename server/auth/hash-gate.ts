// One password hash at a time. scrypt runs on libuv's thread pool (4
// threads), which file reads share, and takes a whole core: a burst of
// sign-ins that filled the pool made the child survey's page wait 36 s.
// With one hash at a time the pool and the other core stay free. Hashes
// past it wait in a short queue; past the queue they are refused at once
// (429), so a flood costs the server neither threads nor memory (each
// hash takes 128 MiB). A hash takes about 0.2 s on an idle core, so a
// team signing in at 9 o'clock waits at most about a second.
import { HttpError } from '../plugins/errors.js';

export const HASH_CONCURRENCY = 1;
export const HASH_QUEUE = 4;

/** The queue is full: the request is refused (429) instead of waiting. */
export class HashBusyError extends HttpError {
  constructor() {
    super(429, 'the server is busy checking other sign-ins; try again in a moment');
  }
}

export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency = HASH_CONCURRENCY,
    private readonly queue = HASH_QUEUE,
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new HashBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
