import type { Metadata, Viewport } from 'next'
import React from 'react'

import { Footer } from '../../components/layout/Footer'
import { Header } from '../../components/layout/Header'
import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Cổng thông tin điện tử', template: '%s – Cổng thông tin điện tử' },
  description: 'Tin tức, sự kiện và thông tin chỉ đạo, điều hành của tỉnh.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>
        <a className="skip-link" href="#noi-dung">
          Bỏ qua, đến nội dung chính
        </a>
        <Header />
        <main id="noi-dung" className="site-main">
          {children}
        </main>
        <Footer />
      </body>
    </html>
  )
}
