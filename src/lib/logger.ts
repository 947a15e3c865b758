/**
 * Payload's logger, with one change: an error answered with a 4xx (the caller's mistake: a wrong
 * password, a refused parameter, a missing document) is one INFO line, not an ERROR with its stack.
 * Payload means to do this by error name (`loggingLevels`), but the production build renames its
 * error classes ("tu", "n"), so every failed login wrote a stack: anyone could flood the log.
 * So is a database's refusal of a value sent (src/lib/inputError.ts), which is answered 400.
 * Errors of the server (5xx, or no status) are logged as before.
 */
import { type Config, defaultLoggerOptions } from 'payload'

import { isInputError } from './inputError'

type ClientError = { err?: { status?: unknown; message?: unknown } }

const ERROR_LEVEL = 50

export const logger: Config['logger'] = {
  destination: defaultLoggerOptions,
  options: {
    hooks: {
      logMethod(args, method, level) {
        const error = (args[0] as ClientError | undefined)?.err
        const status = error?.status
        if (level >= ERROR_LEVEL && typeof status === 'number' && status >= 400 && status < 500) {
          return this.info(`${status} ${String(error?.message ?? '')}`)
        }
        if (level >= ERROR_LEVEL && isInputError(error)) return this.info(`400 ${String(error?.message ?? '').slice(0, 200)}`)
        return method.apply(this, args)
      },
    },
  },
}
