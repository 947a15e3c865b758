'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** Above the votes list in the admin: rebuild every article's totals from the votes. */
export function RecomputeButton() {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  async function recompute() {
    setBusy(true)
    setMessage('Đang tính lại...')
    try {
      const response = await fetch('/api/ratings/recompute', { method: 'POST', credentials: 'include' })
      const body = (await response.json()) as { message?: string; errors?: { message: string }[] }
      setMessage(body.message ?? body.errors?.[0]?.message ?? 'Không tính lại được.')
      router.refresh()
    } catch {
      setMessage('Không kết nối được máy chủ.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ display: 'flex', gap: '1rem', alignItems: 'center', marginBottom: '1rem' }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={recompute} disabled={busy}>
        Tính lại điểm từ các lượt đánh giá
      </button>
      <span role="status">{message}</span>
    </div>
  )
}
