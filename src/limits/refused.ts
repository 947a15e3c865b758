/**
 * A request refused for what it asks (a parameter out of bounds or malformed): its status and
 * reason go to the caller as Payload answers errors, `{ errors: [{ message }] }`. Payload logs
 * errors at the level `loggingLevels` gives their name (an ERROR with a stack by default): this
 * one is logged as one INFO line, so a stranger sending bad requests cannot fill the log.
 */
import { APIError } from 'payload'

export class RequestRefused extends APIError {
  constructor(message: string, status = 400) {
    super(message, status, null, true)
    // Set by hand: a minified build may rename the class.
    this.name = 'RequestRefused'
  }
}

/** For the config's `loggingLevels` (whose type lists only Payload's own error names). */
export const refusedLoggingLevels: Record<string, 'info'> = { RequestRefused: 'info' }
