/** What a schedule request may ask for (src/workflow/schedule.ts), decided before anything is queued. */
import { parseScheduleRequest, SCHEDULE_MESSAGES } from '../../src/workflow/schedule'

const now = new Date('2026-12-01T02:00:00.000Z')

it('takes an instant with its zone, within five years, as publish or unpublish', () => {
  expect(parseScheduleRequest({ at: '2026-12-01T10:00:00+07:00', action: 'publish' }, now)).toEqual({
    ok: true,
    value: { at: new Date('2026-12-01T03:00:00.000Z'), action: 'publish' },
  })
})

it.each([
  ['the last JavaScript year, extended', { at: '+275760-09-13T00:00:00.000Z', action: 'publish' }, SCHEDULE_MESSAGES.at],
  ['year 275760 without its sign', { at: '275760-09-13T00:00:00.000Z', action: 'publish' }, SCHEDULE_MESSAGES.at],
  ['a valid instant a day past five years', { at: '2031-12-02T02:00:00.000Z', action: 'publish' }, SCHEDULE_MESSAGES.tooFar],
  ['now itself', { at: '2026-12-01T02:00:00.000Z', action: 'publish' }, SCHEDULE_MESSAGES.past],
  ['a month 13', { at: '2027-13-01T00:00:00Z', action: 'publish' }, SCHEDULE_MESSAGES.at],
  ['a string of a thousand digits', { at: '9'.repeat(1000), action: 'publish' }, SCHEDULE_MESSAGES.at],
  ['null', null, SCHEDULE_MESSAGES.body],
])('refuses %s', (_name, body, message) => {
  expect(parseScheduleRequest(body, now)).toEqual({ ok: false, message })
})
