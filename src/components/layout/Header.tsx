import Link from 'next/link'

export function Header() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          <span className="site-header__emblem" aria-hidden="true">★</span>
          <span>
            <span className="site-header__agency">Ủy ban nhân dân tỉnh Bình Phước</span>
            <span className="site-header__name">Cổng thông tin điện tử</span>
          </span>
        </Link>
      </div>
    </header>
  )
}
