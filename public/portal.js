// @ts-check
/**
 * The portal's one script for readers. Readers' pages come without Next's client runtime
 * (scripts/lean-pages.mjs strips it: ~150 KB a reader never needed); everything a reader does on
 * a page that needs a script is here, on the server-rendered markup:
 * - one page-view hit per page shown, and the live numbers it is answered with written into the
 *   counter block ([data-counter]) and the article's view count ([data-article-views]);
 * - voting with the stars (section.rating): mouse, keyboard (arrows move, Space or Enter votes),
 *   the vote sent in place; without JavaScript the same form posts and the endpoint redirects back;
 * - the print button ([data-print]).
 * Editors' pages keep Next's runtime (admin bar, preview); there the layout's PageShown calls
 * window.cttdPortal.pageShown() after each client-side navigation. Listeners are on the
 * document, so markup a navigation brings in works without being wired again.
 * No cookie is sent with a hit or set by one.
 */
;(() => {
  if (/** @type {any} */ (window).cttdPortal) return

  const COUNTERS = ['online', 'today', 'month', 'total']
  const counts = new Intl.NumberFormat('en-US') // 447,009,361: as the province's portals show them
  const averages = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) // 4,3
  const MESSAGE_SENDING = 'Đang gửi đánh giá...'
  const MESSAGE_FAILED = 'Không gửi được đánh giá.'
  const MESSAGE_OFFLINE = 'Không kết nối được máy chủ. Vui lòng thử lại.'

  /** @type {string | null} */
  let shownPath = null

  /** @param {string} selector */
  const find = (selector) => /** @type {HTMLElement | null} */ (document.querySelector(selector))

  /** @param {Element | null} element @param {string} text */
  const setText = (element, text) => {
    if (element && element.textContent !== text) element.textContent = text
  }

  /**
   * @typedef {{ total: number, count: number, average: number, yourScore?: number | null }} Rating
   * @typedef {{ online: number, today: number, month: number, total: number,
   *   article?: { id: number, views: number, rating: Rating } }} LiveStats
   */

  /** @param {LiveStats} stats */
  function showLive(stats) {
    for (const key of COUNTERS) setText(document.querySelector(`[data-counter="${key}"] dd`), counts.format(/** @type {any} */ (stats)[key]))
    const views = find('[data-article-views]')
    if (views && stats.article && String(stats.article.id) === views.dataset.articleViews) {
      setText(views.querySelector('[data-views]'), counts.format(stats.article.views))
    }
  }

  /** Sends this page's hit, unless it is a draft preview or the 404 page (not page views). */
  function sendHit(/** @type {string} */ path, /** @type {string} */ referrer) {
    if (find('[data-preview], [data-not-found]')) return
    const articleId = Number(find('[data-article-id]')?.dataset.articleId)
    const body = JSON.stringify({
      path,
      article: Number.isSafeInteger(articleId) && articleId > 0 ? articleId : null,
      referrer: /^https?:/.test(referrer) ? referrer.slice(0, 1024) : null,
      screen: Math.min(20000, Math.max(0, Math.round(window.screen?.width ?? 0))),
      webdriver: navigator.webdriver === true,
    })
    fetch('/api/stats/hit', { method: 'POST', credentials: 'omit', keepalive: true, headers: { 'content-type': 'application/json' }, body })
      .then((response) => (response.ok ? response.json() : null))
      .then((stats) => stats && showLive(stats))
      .catch(() => {})
  }

  // ---- rating ----

  /** @param {HTMLElement} rating @param {Rating} summary */
  function showRating(rating, summary) {
    setText(rating.querySelector('[data-rating-total]'), String(summary.total))
    setText(rating.querySelector('[data-rating-count]'), String(summary.count))
    const average = /** @type {HTMLElement | null} */ (rating.querySelector('.rating__average'))
    if (average) average.hidden = summary.count === 0
    setText(rating.querySelector('[data-rating-average]'), averages.format(summary.average))
    if (summary.yourScore) {
      rating.dataset.voted = String(summary.yourScore)
      setText(rating.querySelector('legend'), `Bạn đã chấm ${summary.yourScore} sao cho bài viết này`)
      select(rating, summary.yourScore)
    }
    disable(rating)
  }

  /** Lights the stars up to the chosen one and checks its radio button. */
  function select(/** @type {HTMLElement} */ rating, /** @type {number} */ score) {
    for (const input of rating.querySelectorAll('input[name="score"]')) {
      const radio = /** @type {HTMLInputElement} */ (input)
      const value = Number(radio.value)
      radio.checked = value === score
      radio.closest('label')?.classList.toggle('rating__star--on', value <= score)
    }
  }

  function disable(/** @type {HTMLElement} */ rating) {
    const fieldset = /** @type {HTMLFieldSetElement | null} */ (rating.querySelector('fieldset'))
    if (fieldset) fieldset.disabled = Boolean(rating.dataset.voted || rating.dataset.sending)
  }

  /** @param {HTMLElement} rating @param {number} score */
  async function vote(rating, score) {
    if (rating.dataset.voted || rating.dataset.sending) return
    const message = rating.querySelector('.rating__message')
    select(rating, score)
    rating.dataset.sending = 'true'
    disable(rating)
    setText(message, MESSAGE_SENDING)
    try {
      const response = await fetch(rating.dataset.endpoint ?? '', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ score }),
      })
      const body = await response.json()
      delete rating.dataset.sending
      if (typeof body.total === 'number') showRating(rating, body)
      setText(message, body.message ?? body.errors?.[0]?.message ?? MESSAGE_FAILED)
    } catch {
      setText(message, MESSAGE_OFFLINE)
    } finally {
      delete rating.dataset.sending
      disable(rating)
    }
  }

  /** The page's rating: this reader's own score and fresh totals, and the outcome of a form post. */
  function setUpRating() {
    const rating = find('section.rating[data-endpoint]')
    if (!rating || rating.dataset.ready) return
    rating.dataset.ready = 'true'
    const outcomes = JSON.parse(rating.dataset.outcomes ?? '{}')
    const fromForm = location.hash.replace(/^#danh-gia-/, '')
    if (Object.prototype.hasOwnProperty.call(outcomes, fromForm)) setText(rating.querySelector('.rating__message'), outcomes[fromForm])
    fetch(rating.dataset.endpoint ?? '', { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((fresh) => {
        if (fresh && !rating.dataset.sending && !rating.dataset.voted && rating.isConnected) showRating(rating, fresh)
      })
      .catch(() => {})
  }

  /** @param {EventTarget | null} target */
  const ratingOf = (target) => {
    const input = /** @type {HTMLElement} */ (target)?.closest?.('section.rating input[name="score"]')
    return input ? { input: /** @type {HTMLInputElement} */ (input), rating: /** @type {HTMLElement} */ (input.closest('section.rating')) } : null
  }

  // A mouse click votes; the click a browser fires when arrow keys move the choice (detail 0) does not.
  document.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target)
    if (target?.closest?.('[data-print]')) return window.print()
    const star = ratingOf(target)
    if (star && event.detail > 0) void vote(star.rating, Number(star.input.value))
  })
  document.addEventListener('change', (event) => {
    const star = ratingOf(event.target)
    if (star) select(star.rating, Number(star.input.value))
  })
  document.addEventListener('keydown', (event) => {
    const star = ratingOf(event.target)
    if (star && (event.key === ' ' || event.key === 'Enter')) {
      event.preventDefault()
      void vote(star.rating, Number(star.input.value))
    }
  })
  document.addEventListener('submit', (event) => {
    const rating = /** @type {HTMLElement} */ (event.target)?.closest?.('section.rating')
    if (!rating) return
    event.preventDefault()
    const chosen = /** @type {HTMLInputElement | null} */ (rating.querySelector('input[name="score"]:checked'))
    if (chosen) void vote(/** @type {HTMLElement} */ (rating), Number(chosen.value))
  })

  /** Once per page shown: its hit, and its rating set up. A repeated call for the same path does nothing. */
  function pageShown() {
    const path = location.pathname
    if (path === shownPath) return
    const referrer = shownPath === null ? document.referrer : location.origin + shownPath
    shownPath = path
    sendHit(path, referrer)
    try {
      setUpRating()
    } catch (error) {
      console.error(error)
    }
  }

  /** @type {any} */ (window).cttdPortal = { pageShown }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', pageShown)
  else pageShown()
})()
