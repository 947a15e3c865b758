'use client'

/**
 * "Sao lưu ngay": asks the server for a backup (POST /api/backups/run), then refreshes the view
 * every few seconds while one is running, so that its result appears without a reload.
 */
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

export function BackupNowButton({ running }: { running: boolean }) {
  const router = useRouter()
  const [asked, setAsked] = useState(false)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  // while a backup runs (or was just asked for), the list is read again every 3 s
  useEffect(() => {
    if (!running && !asked) return
    const timer = setInterval(() => router.refresh(), 3000)
    return () => clearInterval(timer)
  }, [running, asked, router])
  useEffect(() => {
    if (asked && running) setAsked(false) // the new row is in the list: it carries on from there
  }, [asked, running])

  async function backUpNow() {
    setMessage(null)
    try {
      const response = await fetch('/api/backups/run', { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
      if (response.ok) {
        setAsked(true)
        setMessage({ text: body.message ?? 'Đã bắt đầu sao lưu.', error: false })
        router.refresh()
      } else {
        setMessage({ text: body.errors?.[0]?.message ?? `Không sao lưu được (mã ${response.status}).`, error: true })
      }
    } catch {
      setMessage({ text: 'Không kết nối được máy chủ: chưa sao lưu.', error: true })
    }
  }

  const busy = running || asked
  return (
    <div className="backup-now">
      <button type="button" className="btn btn--style-primary btn--size-medium" onClick={backUpNow} disabled={busy} aria-busy={busy}>
        {busy ? 'Đang sao lưu…' : 'Sao lưu ngay'}
      </button>
      <p role="status" className={message?.error ? 'backup-now__error' : undefined}>
        {message?.text ?? ''}
      </p>
    </div>
  )
}
