/**
 * Vietnamese folding: the one place that turns "Cải cách hành chính" into "cai cach hanh chinh".
 * Tones and vowel marks are stripped by Unicode decomposition; đ/Đ has no decomposition, so it
 * is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
}
