/** The numbers a rating shows. No Node APIs: the widget imports it too. */
export type RatingSummary = { total: number; count: number; average: number; yourScore: number | null }

/** Total, count, the average to one decimal (0 with no votes), and this reader's score. */
export function summarize(total: number, count: number, yourScore: number | null): RatingSummary {
  return { total, count, average: count > 0 ? Math.round((total / count) * 10) / 10 : 0, yourScore }
}
