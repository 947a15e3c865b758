/**
 * "Tổng số điểm của bài viết là: X trong Y đánh giá" and five stars to vote with.
 * Without JavaScript it is a plain form (the endpoint redirects back with the outcome); with it,
 * public/portal.js sends the vote in place and shows this reader's own score. Keyboard: Tab
 * reaches the stars, arrows move, Space or Enter votes. The numbers are those the page was
 * rendered with until the script has fetched fresh ones.
 */
import { formatAverage, OUTCOMES } from '../../ratings/messages'
import { summarize } from '../../ratings/summary'

type Props = {
  articleId: number
  initial: { total: number; count: number }
}

const SCORES = [1, 2, 3, 4, 5]

export function RatingWidget({ articleId, initial }: Props) {
  const headingId = `danh-gia-${articleId}`
  const summary = summarize(initial.total, initial.count, null)
  const endpoint = `/api/articles/${articleId}/rating`
  // The script writes into these elements; React (on an editor's page) leaves what it wrote.
  const written = { suppressHydrationWarning: true }
  return (
    <section id="danh-gia" className="rating" aria-labelledby={headingId} data-endpoint={endpoint} data-outcomes={JSON.stringify(OUTCOMES)} {...written}>
      <p className="rating__totals">
        Tổng số điểm của bài viết là: <strong data-rating-total {...written}>{summary.total}</strong> trong{' '}
        <strong data-rating-count {...written}>{summary.count}</strong> đánh giá
        <span className="rating__average" hidden={summary.count === 0} {...written}>
          {' '}
          (trung bình <span data-rating-average {...written}>{formatAverage(summary.average)}</span>/5)
        </span>
      </p>
      <form method="post" action={endpoint} className="rating__form">
        <fieldset className="rating__stars" {...written}>
          <legend id={headingId} {...written}>
            Click để đánh giá bài viết
          </legend>
          <div role="radiogroup" aria-labelledby={headingId} className="rating__group">
            {SCORES.map((score) => (
              <label key={score} className="rating__star" {...written}>
                <input type="radio" name="score" value={score} {...written} />
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{score} sao</span>
              </label>
            ))}
          </div>
          <noscript>
            <button type="submit" className="rating__submit">
              Gửi đánh giá
            </button>
          </noscript>
        </fieldset>
      </form>
      {/* empty: the script writes the outcome here, before or after an editor's page hydrates */}
      <p className="rating__message" role="status" aria-live="polite" dangerouslySetInnerHTML={{ __html: '' }} {...written} />
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
