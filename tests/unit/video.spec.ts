/**
 * Embedded videos (src/lib/video.ts): which addresses are YouTube or Vimeo videos, the player a
 * reader's page loads for each, the readers' CSP letting exactly those players in, and the block
 * as an article's body draws it.
 */
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { READER_CSP } from '../../scripts/headers.mjs'
import { ArticleBody } from '../../src/components/article/ArticleBody'
import { parseVideo } from '../../src/lib/video'
import { paragraph, richText, videoEmbed } from '../../src/seed/lexical'

const YOUTUBE = 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'

describe('a video address', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', YOUTUBE],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s', YOUTUBE],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', YOUTUBE],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', YOUTUBE],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', YOUTUBE],
    ['//www.youtube.com/embed/dQw4w9WgXcQ?rel=0', YOUTUBE],
    ['http://www.youtube.com/shorts/dQw4w9WgXcQ', YOUTUBE],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', YOUTUBE],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'https://player.vimeo.com/video/76979871?dnt=1'],
  ])('%s plays from %s', (address, embedUrl) => {
    expect(parseVideo(address)?.embedUrl).toBe(embedUrl)
  })

  it.each([
    ['another host', 'https://evil.example/embed/dQw4w9WgXcQ'],
    ['a look-alike host', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['a YouTube page that is no video', 'https://www.youtube.com/channel/UC123'],
    ['an id of the wrong length', 'https://www.youtube.com/embed/abc123'],
    ['an id with other characters', 'https://youtu.be/dQw4w9WgX%22'],
    ['a Vimeo page that is no video', 'https://vimeo.com/channels/staffpicks'],
    ['a script', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['nothing', ''],
    ['an address of 501 characters', `https://www.youtube.com/watch?v=dQw4w9WgXcQ&x=${'a'.repeat(460)}`],
  ])('refuses %s', (_what, address) => {
    expect(parseVideo(address)).toBeNull()
  })

  it('is played only from players the readers’ CSP lets in, and nothing else may frame', () => {
    const frameSources = /(?:^|; )frame-src ([^;]+)/.exec(READER_CSP)![1]!.split(' ')
    expect(frameSources).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com'])
    for (const address of ['https://youtu.be/dQw4w9WgXcQ', 'https://vimeo.com/76979871']) {
      expect(frameSources).toContain(new URL(parseVideo(address)!.embedUrl).origin)
    }
  })
})

describe('the video block in an article', () => {
  const render = (body: unknown) => renderToStaticMarkup(React.createElement(ArticleBody, { data: body }))

  it('is a lazy privacy-enhanced player named by its caption, which shows under it', () => {
    const html = render(richText([paragraph('Trước video.'), videoEmbed('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Lễ hội Bom Bo & đêm cồng chiêng')]))
    expect(html).toContain(
      `<figure class="article-video"><div class="video-frame"><iframe src="${YOUTUBE}" title="Lễ hội Bom Bo &amp; đêm cồng chiêng" loading="lazy"`,
    )
    expect(html).toContain('<figcaption>Lễ hội Bom Bo &amp; đêm cồng chiêng</figcaption>')
    // attribute names are case-insensitive in HTML: React writes this one as `referrerPolicy`
    expect(html).toMatch(/ referrerpolicy="strict-origin-when-cross-origin"/i)
  })

  it('without a caption is named after its provider', () => {
    const html = render(richText([videoEmbed('https://vimeo.com/76979871')]))
    expect(html).toContain('<iframe src="https://player.vimeo.com/video/76979871?dnt=1" title="Video Vimeo"')
    expect(html).not.toContain('<figcaption')
  })

  it('with an address that is no longer a video (stored before a rule changed) draws nothing', () => {
    const html = render(richText([paragraph('Chỉ chữ.'), videoEmbed('https://evil.example/embed/x')]))
    expect(html).not.toContain('iframe')
    expect(html).toContain('Chỉ chữ.')
  })
})
