'use client'

/**
 * "Sao lưu ngay": asks the server for a backup (POST /api/backups/run), then refreshes the view
 * every few seconds while one is running, so that its result appears without a reload.
 */
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

export function BackupNowButton({ running, latest }: { running: boolean; latest: number | string | null }) {
  const router = useRouter()
  // the newest backup in the list when "Sao lưu ngay" was pressed: the button waits for a newer one
  // (a quick backup may finish before the list is read again, so "running" alone is not enough)
  const [askedAfter, setAskedAfter] = useState<{ latest: number | string | null } | null>(null)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  // while a backup runs (or was just asked for), the list is read again every 3 s
  useEffect(() => {
    if (!running && !askedAfter) return
    const timer = setInterval(() => router.refresh(), 3000)
    return () => clearInterval(timer)
  }, [running, askedAfter, router])
  useEffect(() => {
    if (askedAfter && latest !== askedAfter.latest) setAskedAfter(null) // its row is in the list now
  }, [askedAfter, latest])

  async function backUpNow() {
    setMessage(null)
    try {
      const response = await fetch('/api/backups/run', { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
      if (response.ok) {
        setAskedAfter({ latest })
        setMessage({ text: body.message ?? 'Đã bắt đầu sao lưu.', error: false })
        router.refresh()
      } else {
        setMessage({ text: body.errors?.[0]?.message ?? `Không sao lưu được (mã ${response.status}).`, error: true })
      }
    } catch {
      setMessage({ text: 'Không kết nối được máy chủ: chưa sao lưu.', error: true })
    }
  }

  const busy = running || Boolean(askedAfter)
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
