import type { Metadata, Viewport } from 'next'
import React from 'react'

import { EditorIsland } from '@/components/editor/EditorIsland'
import { Footer } from '@/components/layout/Footer'
import { Header } from '@/components/layout/Header'
import { Sidebar } from '@/components/sidebar/Sidebar'
import { PageShown } from '@/components/stats/PageShown'
import { VisitorCounter } from '@/components/stats/VisitorCounter'
import { getCounters } from '@/lib/counters'
import { toLocale } from '@/lib/locale'
import { getCategories, getServiceLinks, getSite } from '@/lib/site'
import { siteUrl } from '@/lib/siteUrl'

import '../styles.css'

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

// Nothing is prerendered at build (the build needs no database); every page is rendered on its
// first request, then served from the cache until a change revalidates its tags.
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = toLocale((await params).locale)
  const site = await getSite(locale)
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: site.portalName, template: `%s – ${site.portalName}` },
    description: locale === 'vi' ? `Tin tức, sự kiện của ${site.agencyName}.` : `News from the ${site.agencyName}.`,
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function LocaleLayout({ children, params }: Props) {
  const locale = toLocale((await params).locale)
  const [site, categories, links, counters] = await Promise.all([getSite(locale), getCategories(locale), getServiceLinks(locale), getCounters()])
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#noi-dung">
          {locale === 'vi' ? 'Bỏ qua, đến nội dung chính' : 'Skip to main content'}
        </a>
        <Header site={site} categories={categories} locale={locale} />
        <div className="site-body">
          <main id="noi-dung" className="site-main" tabIndex={-1}>
            {children}
          </main>
          <Sidebar links={links}>
            <VisitorCounter initial={counters} locale={locale} />
          </Sidebar>
        </div>
        <Footer site={site} locale={locale} />
        <EditorIsland />
        <PageShown />
        {/* the readers' one script (their pages come without Next's runtime: scripts/lean-pages.mjs) */}
        <script async src={process.env.PORTAL_SCRIPT_PATH} />
      </body>
    </html>
  )
}
