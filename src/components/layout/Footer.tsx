export function Footer() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          <strong>Cổng thông tin điện tử tỉnh Bình Phước</strong>
        </p>
        <p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Bình Phước</p>
      </div>
    </footer>
  )
}
