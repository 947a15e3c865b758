/**
 * A readable, meaningless hint that this browser has an admin session: set when the admin is
 * opened with a session, cleared at logout. It only decides whether the editor tools load; the
 * session itself stays in Payload's httpOnly cookie and every action checks it.
 */
export const EDITOR_HINT_COOKIE = 'cttd_editor'

export function clearEditorHint(): void {
  document.cookie = `${EDITOR_HINT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
}
