/**
 * Where votes are written. A vote and the article's running total move together, atomically,
 * with increments computed by the database (never read-modify-write):
 * - SQLite: one libsql write batch (a transaction run without yielding to other requests);
 *   Payload's SQLite adapter runs without transactions by default, so its API cannot give this.
 * - PostgreSQL: one statement; the unique index settles concurrent votes by the same voter and
 *   the row lock on the article serialises the increments.
 * - MongoDB: through Payload's adapter ($inc); without a replica set the insert and the increment
 *   are two writes (untested here: no MongoDB server in this project's CI).
 */
import type { Payload } from 'payload'

import { adapterKind } from '../lib/database'

export type Vote = { articleId: number; score: number; voterKey: string; ipHash: string }
export type Totals = { total: number; count: number; yourScore: number | null }
export type CastResult = Totals & { inserted: boolean }

type LibsqlClient = {
  batch: (stmts: { sql: string; args: (string | number | null)[] }[], mode: 'write') => Promise<{ rows: Record<string, unknown>[]; rowsAffected: number }[]>
  execute: (stmt: { sql: string; args: (string | number | null)[] }) => Promise<{ rows: Record<string, unknown>[]; rowsAffected: number }>
}
type PgPool = { query: (sql: string, args: unknown[]) => Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }> }

const sqlite = (payload: Payload) => (payload.db as unknown as { client: LibsqlClient }).client
const pg = (payload: Payload) => (payload.db as unknown as { pool: PgPool }).pool
const kind = adapterKind

const toTotals = (row: Record<string, unknown> | undefined): Totals => ({
  total: Number(row?.total ?? 0),
  count: Number(row?.count ?? 0),
  yourScore: row?.your_score == null ? null : Number(row.your_score),
})

const TOTALS_SQL_SQLITE = `SELECT COALESCE(a.rating_total, 0) AS total, COALESCE(a.rating_count, 0) AS count,
  (SELECT r.score FROM ratings r WHERE r.article_id = a.id AND r.voter_key = ?) AS your_score
  FROM articles a WHERE a.id = ?`

const TOTALS_SQL_PG = `SELECT COALESCE(a.rating_total, 0) AS total, COALESCE(a.rating_count, 0) AS count,
  (SELECT r.score FROM ratings r WHERE r.article_id = a.id AND r.voter_key = $2) AS your_score
  FROM articles a WHERE a.id = $1`

export async function readTotals(payload: Payload, articleId: number, voterKey: string | null): Promise<Totals> {
  switch (kind(payload)) {
    case 'sqlite': {
      const { rows } = await sqlite(payload).execute({ sql: TOTALS_SQL_SQLITE, args: [voterKey, articleId] })
      return toTotals(rows[0])
    }
    case 'postgres': {
      const { rows } = await pg(payload).query(TOTALS_SQL_PG, [articleId, voterKey])
      return toTotals(rows[0])
    }
    default: {
      const article = await payload.findByID({ collection: 'articles', id: articleId, depth: 0, select: { ratingTotal: true, ratingCount: true } })
      const mine = voterKey
        ? await payload.find({ collection: 'ratings', where: { article: { equals: articleId }, voterKey: { equals: voterKey } }, limit: 1, depth: 0 })
        : null
      return { total: article.ratingTotal ?? 0, count: article.ratingCount ?? 0, yourScore: mine?.docs[0]?.score ?? null }
    }
  }
}

/** Records the vote unless this voter already voted on this article; answers the new totals. */
export async function castVote(payload: Payload, vote: Vote): Promise<CastResult> {
  const now = new Date().toISOString()
  switch (kind(payload)) {
    case 'sqlite': {
      const [insert, , totals] = await sqlite(payload).batch(
        [
          {
            sql: `INSERT INTO ratings (article_id, score, voter_key, ip_hash, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, voter_key) DO NOTHING`,
            args: [vote.articleId, vote.score, vote.voterKey, vote.ipHash, now, now],
          },
          {
            // changes() is the row count of the INSERT just above: 0 when the vote was a repeat.
            sql: `UPDATE articles SET rating_total = COALESCE(rating_total, 0) + ?, rating_count = COALESCE(rating_count, 0) + 1
                  WHERE id = ? AND changes() = 1`,
            args: [vote.score, vote.articleId],
          },
          { sql: TOTALS_SQL_SQLITE, args: [vote.voterKey, vote.articleId] },
        ],
        'write',
      )
      return { inserted: insert.rowsAffected === 1, ...toTotals(totals.rows[0]) }
    }
    case 'postgres': {
      const { rows } = await pg(payload).query(
        `WITH vote AS (
           INSERT INTO ratings (article_id, score, voter_key, ip_hash, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (article_id, voter_key) DO NOTHING RETURNING score
         )
         UPDATE articles SET rating_total = COALESCE(rating_total, 0) + vote.score, rating_count = COALESCE(rating_count, 0) + 1
         FROM vote WHERE articles.id = $1
         RETURNING articles.rating_total AS total, articles.rating_count AS count, vote.score AS your_score`,
        [vote.articleId, vote.score, vote.voterKey, vote.ipHash, now],
      )
      if (rows.length === 1) return { inserted: true, ...toTotals(rows[0]) }
      return { inserted: false, ...(await readTotals(payload, vote.articleId, vote.voterKey)) }
    }
    default: {
      try {
        await payload.create({
          collection: 'ratings',
          data: { article: vote.articleId, score: vote.score, voterKey: vote.voterKey, ipHash: vote.ipHash },
        })
      } catch {
        return { inserted: false, ...(await readTotals(payload, vote.articleId, vote.voterKey)) }
      }
      await payload.db.updateOne({
        collection: 'articles',
        id: vote.articleId,
        data: { ratingTotal: { $inc: vote.score }, ratingCount: { $inc: 1 } },
      })
      return { inserted: true, ...(await readTotals(payload, vote.articleId, vote.voterKey)) }
    }
  }
}

/** Takes a deleted vote out of its article's totals. */
export async function retractVote(payload: Payload, articleId: number, score: number): Promise<void> {
  await payload.db.updateOne({
    collection: 'articles',
    id: articleId,
    data: { ratingTotal: { $inc: -score }, ratingCount: { $inc: -1 } },
    returning: false,
  })
}

/**
 * Rebuilds every article's totals: the base carried over from NukeViet (which kept no single
 * votes, only its sums) plus the votes cast here; answers how many articles changed.
 */
export async function recomputeTotals(payload: Payload): Promise<number> {
  const votesTotal = `COALESCE(rating_base_total, 0) + COALESCE((SELECT SUM(r.score) FROM ratings r WHERE r.article_id = articles.id), 0)`
  const votesCount = `COALESCE(rating_base_count, 0) + (SELECT COUNT(*) FROM ratings r WHERE r.article_id = articles.id)`
  const sql = `UPDATE articles SET rating_total = ${votesTotal}, rating_count = ${votesCount}
    WHERE COALESCE(rating_total, 0) <> ${votesTotal} OR COALESCE(rating_count, 0) <> ${votesCount}`
  switch (kind(payload)) {
    case 'sqlite':
      return (await sqlite(payload).execute({ sql, args: [] })).rowsAffected
    case 'postgres':
      return (await pg(payload).query(sql, [])).rowCount ?? 0
    default: {
      let changed = 0
      const { docs } = await payload.find({
        collection: 'articles',
        pagination: false,
        depth: 0,
        draft: false,
        select: { ratingTotal: true, ratingCount: true, ratingBaseTotal: true, ratingBaseCount: true },
      })
      for (const article of docs) {
        const votes = await payload.find({ collection: 'ratings', where: { article: { equals: article.id } }, pagination: false, depth: 0, select: { score: true } })
        const total = (article.ratingBaseTotal ?? 0) + votes.docs.reduce((sum, vote) => sum + vote.score, 0)
        const count = (article.ratingBaseCount ?? 0) + votes.docs.length
        if (total === article.ratingTotal && count === article.ratingCount) continue
        await payload.db.updateOne({ collection: 'articles', id: article.id, data: { ratingTotal: total, ratingCount: count } })
        changed += 1
      }
      return changed
    }
  }
}
