/** The counter block's numbers at render time (the hit's answer refreshes them in the browser). */
import { recorderFor } from '../stats/endpoints'
import type { Counters } from '../stats/store'
import { getPayloadClient } from './payload'

export async function getCounters(): Promise<Counters | null> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return null
  try {
    return await recorderFor(await getPayloadClient()).counters()
  } catch {
    return null
  }
}
