import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="not-found" data-not-found>
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không tồn tại, đã hết hạn hoặc chưa được đăng.</p>
      <p lang="en">The page you are looking for does not exist.</p>
      <p>
        <Link href="/">Về trang chủ</Link>
      </p>
    </section>
  )
}
