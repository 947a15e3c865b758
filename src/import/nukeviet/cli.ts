/**
 * `npm run import:nukeviet -- --mysql mysql://… --site DIR [--prefix nv4] [--lang vi,en] [--dry-run]`
 * (run by scripts/import-nukeviet.mjs through `payload run`, after the migrations).
 */
import config from '@payload-config'
import cliProgress from 'cli-progress'
import { getPayload } from 'payload'

import { parseArgs } from './args'
import { articleIdByKey, importNukeViet, type Kind } from './importer'
import { formatSummary } from './report'
import { ImportError, openSource } from './source'
import { figuresSummaryLines, importFigures } from './figures'

const LABELS: Record<Kind, string> = { categories: 'Chuyên mục', authors: 'Tác giả', images: 'Ảnh', articles: 'Bài viết', redirects: 'Chuyển hướng' }

process.exitCode = 1
let args
try {
  args = parseArgs(process.argv.slice(2))
} catch (error) {
  console.error(`✗ ${(error as Error).message}`)
  process.exit(1)
}
const payload = await getPayload({ config })
let source
try {
  source = await openSource(args.mysql, args.prefix)
  const bar = new cliProgress.SingleBar(
    {
      format: '{phase} [{bar}] {value}/{total} | còn khoảng {eta_formatted} | ảnh đã tải: {images}',
      hideCursor: true,
      etaBuffer: 50,
      // in a log (no terminal) a line every 10 s instead of a redrawn bar
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  )
  let phase: Kind | null = null
  let images = 0
  const summary = await importNukeViet({
    payload,
    source,
    site: args.site,
    langs: args.langs,
    dryRun: args.dryRun,
    onProgress: (p) => {
      if (p.phase === 'images') {
        images = p.done
        bar.update({ images })
        return
      }
      if (p.phase !== phase) {
        if (phase) bar.stop()
        phase = p.phase
        bar.start(p.total, 0, { phase: LABELS[p.phase].padEnd(10), images })
      }
      bar.update(p.done, { images })
    },
  })
  if (phase) bar.stop()
  for (const line of formatSummary(summary)) console.log(line)

  // Views, ratings and the visit counter (src/import/nukeviet/figures.ts)
  const figures = await importFigures({
    payload,
    mysql: source.pool,
    prefix: args.prefix,
    langs: summary.langs,
    dryRun: args.dryRun,
    articleIdByKey: articleIdByKey(payload),
  })
  for (const line of figuresSummaryLines(figures)) console.log(line)
  process.exitCode = 0
} catch (error) {
  console.error(error instanceof ImportError ? `\n✗ ${error.message}` : `\n✗ Lỗi: ${(error as Error)?.stack ?? error}`)
} finally {
  await source?.close().catch(() => {})
  await payload.destroy()
}
process.exit(process.exitCode ?? 0)
