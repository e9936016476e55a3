/** The current time, supplied by the composition root: the domain never reads the system clock. */
export interface Clock {
  now(): Date;
}
