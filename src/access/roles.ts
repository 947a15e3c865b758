/** Newsroom roles: admins run the site, editors publish anything, reporters write their own drafts. */
export const ROLES = ['admin', 'editor', 'reporter'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = { roles?: Role[] | null; collection?: string } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  if (!user || (user.collection && user.collection !== 'users')) return false
  return (user.roles ?? []).some((role) => roles.includes(role))
}
