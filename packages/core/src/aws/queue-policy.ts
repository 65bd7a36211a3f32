/**
 * How many receives before a poison message moves to the dead-letter queue: the same in AWS
 * (the stacks' redrive policy) and locally (the emulator's queue), so retries behave alike.
 */
export const MAX_RECEIVE_COUNT = 5;
