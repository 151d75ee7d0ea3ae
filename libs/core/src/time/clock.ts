import { Injectable } from '@nestjs/common';

/** The current time, injected so that time-dependent rules (staleness, reminders) can be tested. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
