import Link from 'next/link'

type Props = { basePath: string; page: number; totalPages: number; query?: Record<string, string> }

/** "Trang 1 2 3": links carry ?trang=N (page 1 is the bare path). */
export function Pagination({ basePath, page, totalPages, query = {} }: Props) {
  if (totalPages <= 1) return null
  const href = (n: number) => {
    const params = new URLSearchParams(query)
    if (n > 1) params.set('trang', String(n))
    const search = params.toString()
    return search ? `${basePath}?${search}` : basePath
  }
  return (
    <nav className="pagination" aria-label="Phân trang">
      <ul>
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev">
              ‹ Trang trước
            </Link>
          </li>
        ) : null}
        {Array.from({ length: totalPages }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <Link href={href(n)} aria-label={`Trang ${n}`}>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <Link href={href(page + 1)} rel="next">
              Trang sau ›
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
