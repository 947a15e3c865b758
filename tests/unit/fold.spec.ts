import { foldVietnamese } from '../../src/search/fold'
import { isValidSlug, slugify } from '../../src/lib/slug'

describe('Vietnamese folding', () => {
  it('strips tones and vowel marks', () => {
    expect(foldVietnamese('Cải cách hành chính')).toBe('cai cach hanh chinh')
    expect(foldVietnamese('Thứ tư, Ủy ban, nghiên cứu, Sở Y tế')).toBe('thu tu, uy ban, nghien cuu, so y te')
  })

  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('Đài phát thanh đột phá')).toBe('dai phat thanh dot pha')
  })

  it('treats precomposed and decomposed input the same', () => {
    expect(foldVietnamese('Hòa'.normalize('NFC'))).toBe(foldVietnamese('Hòa'.normalize('NFD')))
  })
})

describe('slugs', () => {
  it('folds a Vietnamese title into a hyphenated ASCII slug', () => {
    expect(slugify('Thi đua, tạo đột phá về cải cách hành chính gắn với chuyển đổi số')).toBe(
      'thi-dua-tao-dot-pha-ve-cai-cach-hanh-chinh-gan-voi-chuyen-doi-so',
    )
  })

  it('drops punctuation and collapses separators', () => {
    expect(slugify('  "Hơn 95%" hồ sơ -- trực tuyến!  ')).toBe('hon-95-ho-so-truc-tuyen')
    expect(slugify('Theo Đài PT-TH&BBP')).toBe('theo-dai-pt-th-bbp')
  })

  it('stays within 120 characters without a trailing hyphen', () => {
    const slug = slugify('Chuyển đổi số '.repeat(30))
    expect(slug.length).toBeLessThanOrEqual(120)
    expect(slug.endsWith('-')).toBe(false)
    expect(isValidSlug(slug)).toBe(true)
  })

  it('accepts only lowercase ASCII words joined by single hyphens', () => {
    expect(isValidSlug('cai-cach-hanh-chinh')).toBe(true)
    expect(isValidSlug('Cai-cach')).toBe(false)
    expect(isValidSlug('cải-cách')).toBe(false)
    expect(isValidSlug('a--b')).toBe(false)
    expect(isValidSlug('-a')).toBe(false)
    expect(isValidSlug('')).toBe(false)
  })
})
