/**
 * The upload gate: how many uploads (trips and receipts) are being received at
 * once, and the thresholds beyond which new ones are turned away with 503 and
 * Retry-After. Slots are taken with `tryAcquire()`, which gives a release
 * function (calling it twice releases once). The count is kept in this
 * process; a gate shared by several processes (rows in PostgreSQL) only has to
 * implement `Gate` — which is asynchronous for that reason.
 */

export type Release = () => Promise<void>;

export interface Gate {
  /** A release function when a slot is free, else null. */
  tryAcquire(): Promise<Release | null>;
  /** Slots taken now. */
  inFlight(): Promise<number>;
}

/** A gate of `max()` slots in this process. */
export class LocalGate implements Gate {
  private taken = 0;

  constructor(private readonly max: () => number) {}

  async inFlight(): Promise<number> {
    return this.taken;
  }

  async tryAcquire(): Promise<Release | null> {
    if (this.taken >= this.max()) return null;
    this.taken++;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.taken--;
    };
  }
}

export interface UploadGate {
  /** Uploads being received (streamed to disk and registered) at once. */
  maxInFlight: number;
  /** Requests already waiting for a database connection beyond which new uploads are turned away. */
  maxPoolWaiting: number;
  /** Free disk space kept in reserve. */
  minFreeBytes: number;
  retryAfterSeconds: number;
  /** The slots (this process's count today). */
  slots: Gate;
}

/** Limits of the upload gate; tests and the load test may change them. */
export const uploadGate: UploadGate = {
  maxInFlight: 16,
  maxPoolWaiting: 100,
  minFreeBytes: 512 * 1024 * 1024,
  retryAfterSeconds: 10,
  slots: new LocalGate(() => uploadGate.maxInFlight),
};
