/** Where a redirect back into the portal may go: a path on this site, or the home page. */
import { returnPath } from '../../src/lib/returnPath'

describe('returnPath', () => {
  it.each([
    ['/bai-viet/mot-bai', '/bai-viet/mot-bai'],
    ['/tim-kiem?q=h%E1%BB%8Dp#ket-qua', '/tim-kiem?q=h%E1%BB%8Dp#ket-qua'],
    ['/en/articles/x', '/en/articles/x'],
  ])('keeps a path of this site: %s', (raw, expected) => {
    expect(returnPath(raw)).toBe(expected)
  })

  it.each([
    null,
    '',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    '/%2F%2Fevil.example',
    '/%2fevil.example',
    '/%252F%252Fevil.example',
    '/%255Cevil.example',
    '/%0d%0aSet-Cookie:x=1',
    'javascript:alert(1)',
    '/javascript:alert(1)',
    '/https://evil.example',
  ])('sends %p home', (raw) => {
    expect(returnPath(raw)).toBe('/')
  })

  it('drops line breaks as a browser does, so none reaches the Location header', () => {
    expect(returnPath('/\r\nLocation: https://evil.example')).toBe('/Location:%20https://evil.example')
  })
})
