'use client'

/**
 * Near the end of an editor's session: "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng
 * thái đăng nhập. Thời gian chờ: 60 giây", counting down. The click refreshes the session on the
 * server; at 0 the session is ended (logout).
 */
import { useCallback, useEffect, useRef, useState } from 'react'

export const PROMPT_SECONDS = 60

type Props = { onLoggedOut: () => void }

async function sessionExpiry(): Promise<number | null> {
  const response = await fetch('/api/users/me', { credentials: 'include' })
  if (!response.ok) return null
  const body = (await response.json()) as { user: unknown; exp?: number }
  return body.user && body.exp ? body.exp * 1000 : null
}

export function SessionPrompt({ onLoggedOut }: Props) {
  const [expiresAt, setExpiresAt] = useState<number | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [busy, setBusy] = useState(false)
  const loggingOut = useRef(false)

  useEffect(() => {
    void sessionExpiry().then(setExpiresAt)
  }, [])

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])

  const logout = useCallback(async () => {
    if (loggingOut.current) return
    loggingOut.current = true
    await fetch('/api/users/logout', { method: 'POST', credentials: 'include' }).catch(() => {})
    onLoggedOut()
  }, [onLoggedOut])

  const remaining = expiresAt === null ? null : Math.max(0, Math.ceil((expiresAt - now) / 1000))

  useEffect(() => {
    if (remaining === 0) void logout()
  }, [remaining, logout])

  if (remaining === null || remaining > PROMPT_SECONDS || remaining === 0) return null

  async function stayLoggedIn() {
    setBusy(true)
    try {
      const response = await fetch('/api/users/refresh-token', { method: 'POST', credentials: 'include' })
      const body = (await response.json()) as { exp?: number }
      if (response.ok && body.exp) setExpiresAt(body.exp * 1000)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="session-prompt" role="alertdialog" aria-live="assertive" aria-labelledby="session-prompt-text">
      <button type="button" onClick={stayLoggedIn} disabled={busy} id="session-prompt-text">
        Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: {remaining} giây
      </button>
    </div>
  )
}
