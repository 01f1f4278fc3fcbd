/**
 * The one source of time for rule code (architecture.md "Time"). Rule code asks `clock.now()`; nothing else
 * in the suite reads the system time for a business decision.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** Production: real time, never moved. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Real time plus an offset; the offset is what a test or a demo moves. */
export class OffsetClock extends Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}

/** A clock that stands still unless told to move: for unit tests of time rules. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
