'use client'

/**
 * "Tổng số điểm của bài viết là: X trong Y đánh giá" and five stars to vote with.
 * Without JavaScript it is a plain form (the endpoint redirects back with the outcome); with it,
 * the vote is sent in place. Keyboard: Tab reaches the stars, arrows move, Space or Enter votes.
 */
import { useEffect, useId, useState, type KeyboardEvent, type MouseEvent } from 'react'

import { formatAverage, isOutcome, OUTCOMES } from '../../ratings/messages'
import { type RatingSummary, summarize } from '../../ratings/summary'

type Props = {
  articleId: number
  initial: { total: number; count: number }
}

const SCORES = [1, 2, 3, 4, 5]

export function RatingWidget({ articleId, initial }: Props) {
  const headingId = useId()
  const [summary, setSummary] = useState<RatingSummary>(summarize(initial.total, initial.count, null))
  const [selected, setSelected] = useState<number | null>(null)
  const [message, setMessage] = useState('')
  const [sending, setSending] = useState(false)
  const endpoint = `/api/articles/${articleId}/rating`
  // Until the widget has hydrated, a click posts the plain form (a page load); tests wait for this.
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])

  useEffect(() => {
    let cancelled = false
    // back from a form post made before this script ran: #danh-gia-<outcome>
    const fromForm = window.location.hash.replace(/^#danh-gia-/, '')
    if (isOutcome(fromForm)) setMessage(OUTCOMES[fromForm])
    fetch(endpoint, { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<RatingSummary>) : null))
      .then((fresh) => {
        if (!fresh || cancelled) return
        setSummary(fresh)
        if (fresh.yourScore) setSelected(fresh.yourScore)
      })
      .catch(() => {})
    return () => {
      cancelled = true
    }
  }, [endpoint])

  async function send(score: number) {
    if (sending || summary.yourScore) return
    setSelected(score)
    setSending(true)
    setMessage('Đang gửi đánh giá...')
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ score }),
      })
      const body = (await response.json()) as Partial<RatingSummary> & { message?: string; errors?: { message: string }[] }
      if (typeof body.total === 'number') setSummary(body as RatingSummary)
      if (body.yourScore) setSelected(body.yourScore)
      setMessage(body.message ?? body.errors?.[0]?.message ?? 'Không gửi được đánh giá.')
    } catch {
      setMessage('Không kết nối được máy chủ. Vui lòng thử lại.')
    } finally {
      setSending(false)
    }
  }

  const onKeyDown = (score: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault()
      void send(score)
    }
  }
  // A mouse click votes; the click a browser fires when arrow keys move the choice (detail 0) does not.
  const onClick = (score: number) => (event: MouseEvent<HTMLInputElement>) => {
    if (event.detail > 0) void send(score)
  }

  const voted = summary.yourScore !== null
  return (
    <section id="danh-gia" className="rating" aria-labelledby={headingId} data-hydrated={hydrated || undefined}>
      <p className="rating__totals">
        Tổng số điểm của bài viết là: <strong>{summary.total}</strong> trong <strong>{summary.count}</strong> đánh giá
        {summary.count > 0 ? (
          <span className="rating__average"> (trung bình {formatAverage(summary.average)}/5)</span>
        ) : null}
      </p>
      <form method="post" action={endpoint} className="rating__form" onSubmit={(event) => {
        event.preventDefault()
        if (selected) void send(selected)
      }}>
        <fieldset className="rating__stars" disabled={voted || sending}>
          <legend id={headingId}>{voted ? `Bạn đã chấm ${summary.yourScore} sao cho bài viết này` : 'Click để đánh giá bài viết'}</legend>
          <div role="radiogroup" aria-labelledby={headingId} className="rating__group">
            {SCORES.map((score) => (
              <label key={score} className={selected !== null && score <= selected ? 'rating__star rating__star--on' : 'rating__star'}>
                <input
                  type="radio"
                  name="score"
                  value={score}
                  checked={selected === score}
                  onChange={() => setSelected(score)}
                  onKeyDown={onKeyDown(score)}
                  onClick={onClick(score)}
                />
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{score} sao</span>
              </label>
            ))}
          </div>
          <noscript>
            <button type="submit" className="rating__submit">Gửi đánh giá</button>
          </noscript>
        </fieldset>
      </form>
      <p className="rating__message" role="status" aria-live="polite">
        {message}
      </p>
      <noscript>
        {/* Without JavaScript the form's redirect targets one of these (#danh-gia-<outcome>); CSS shows it. */}
        {Object.entries(OUTCOMES).map(([code, text]) => (
          <p key={code} id={`danh-gia-${code}`} className="rating__outcome">
            {text}
          </p>
        ))}
      </noscript>
    </section>
  )
}
