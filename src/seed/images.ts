/**
 * Demo illustrations drawn locally with sharp from SVG (no downloads, no fonts needed):
 * a sky, hills, a sun and a row of buildings or trees, coloured per picture.
 */
import sharp from 'sharp'

export type Palette = { sky: [string, string]; hills: [string, string]; accent: string; scene: 'city' | 'field' | 'hall' }

const WIDTH = 1600
const HEIGHT = 1000

function sceneShapes(palette: Palette, seed: number): string {
  const shapes: string[] = []
  if (palette.scene === 'city' || palette.scene === 'hall') {
    for (let i = 0; i < 12; i += 1) {
      const w = 80 + ((seed * (i + 3)) % 70)
      const h = 160 + ((seed * (i + 7) * 13) % 260)
      const x = i * 135 + ((seed * i) % 40)
      shapes.push(`<rect x="${x}" y="${760 - h}" width="${w}" height="${h}" fill="${palette.accent}" opacity="${0.55 + (i % 3) * 0.12}"/>`)
      for (let r = 0; r < Math.floor(h / 45); r += 1) {
        shapes.push(`<rect x="${x + 14}" y="${760 - h + 18 + r * 45}" width="${w - 28}" height="14" fill="#fff" opacity="0.35"/>`)
      }
    }
  }
  if (palette.scene === 'hall') {
    shapes.push(`<polygon points="500,420 800,250 1100,420" fill="${palette.accent}"/>`)
    shapes.push(`<rect x="540" y="420" width="520" height="340" fill="#f4efe6"/>`)
    for (let c = 0; c < 6; c += 1) shapes.push(`<rect x="${575 + c * 85}" y="450" width="26" height="300" fill="#d9cdb8"/>`)
  }
  if (palette.scene === 'field') {
    for (let i = 0; i < 16; i += 1) {
      const x = 60 + i * 100 + ((seed * i) % 30)
      const h = 90 + ((seed * (i + 1) * 7) % 80)
      shapes.push(`<rect x="${x}" y="${720 - h}" width="14" height="${h}" fill="#5b3d22"/>`)
      shapes.push(`<circle cx="${x + 7}" cy="${720 - h}" r="${42 + (i % 4) * 6}" fill="${palette.accent}" opacity="0.9"/>`)
    }
  }
  return shapes.join('')
}

export async function drawIllustration(palette: Palette, seed: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient>
      <linearGradient id="hills" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.hills[0]}"/><stop offset="1" stop-color="${palette.hills[1]}"/></linearGradient>
    </defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${300 + (seed * 97) % 1000}" cy="${170 + (seed * 31) % 120}" r="85" fill="#fff3c4" opacity="0.9"/>
    <path d="M0 640 Q 400 ${520 + (seed % 5) * 20} 800 640 T 1600 620 V 1000 H 0 Z" fill="url(#hills)" opacity="0.75"/>
    ${sceneShapes(palette, seed)}
    <path d="M0 760 Q 500 ${700 + (seed % 4) * 15} 1000 770 T 1600 750 V 1000 H 0 Z" fill="url(#hills)"/>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}

/** A wide banner for a sidebar link: a gradient with a few soft shapes; the link's text sits beside it. */
export async function drawBanner(from: string, to: string, seed: number): Promise<Buffer> {
  const circles = Array.from({ length: 5 }, (_, i) => {
    const x = 60 + ((seed * 97 + i * 131) % 520)
    const r = 18 + ((seed + i * 7) % 30)
    return `<circle cx="${x}" cy="${30 + ((seed * 13 + i * 29) % 60)}" r="${r}" fill="#fff" opacity="${0.08 + (i % 3) * 0.05}"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120" viewBox="0 0 600 120">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="600" height="120" rx="10" fill="url(#g)"/>${circles}
    <rect x="24" y="30" width="60" height="60" rx="12" fill="#fff" opacity="0.9"/>
    <rect x="40" y="46" width="28" height="28" rx="6" fill="${from}"/>
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
