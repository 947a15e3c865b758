import type { CollectionBeforeDeleteHook } from 'payload'

/** An article's votes go with it (the database would otherwise refuse: a vote needs its article). */
export const deleteVotes: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: 'ratings', where: { article: { equals: id } }, req })
}
