import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { hasRole } from './src/access/roles'
import { ADMIN_DATE_FORMAT, adminTimezones } from './src/admin/dates'
import { inVietnamese } from './src/admin/inVietnamese'
import { Articles } from './src/collections/Articles'
import { AuditLog } from './src/collections/AuditLog'
import { Authors } from './src/collections/Authors'
import { Backups } from './src/collections/Backups'
import { Categories } from './src/collections/Categories'
import { Images } from './src/collections/Images'
import { Ratings } from './src/collections/Ratings'
import { Redirects } from './src/collections/Redirects'
import { backupTask } from './src/jobs/backup'
import { revalidateExpiredArticle } from './src/jobs/revalidateExpiredArticle'
import { BACKUP_QUEUE, backupCron } from './src/backup/run'
import { StatsBreakdowns, StatsImported, StatsPages, StatsSalts, StatsSeen, StatsTotals, StatsVisitors } from './src/collections/Stats'
import { Users } from './src/collections/Users'
import { graphQLConfig } from './src/limits/graphql'
import { inputErrorsAre400 } from './src/limits/errors'
import { applyQueryLimits } from './src/limits/queries'
import { refusedLoggingLevels } from './src/limits/refused'
import { ServiceLinks } from './src/globals/ServiceLinks'
import { Site } from './src/globals/Site'
import { databaseAdapter, databaseUri } from './src/lib/database'
import { logger } from './src/lib/logger'
import { mailAdapter } from './src/lib/mail'
import { maxUploadBytes } from './src/lib/paths'
import { payloadSecret } from './src/lib/secret'
import { registerSessionKey } from './src/lib/sessionKey'
import { followEditRights } from './src/security/locks'
import { migrations as postgresMigrations } from './src/migrations/postgres'
import { migrations as sqliteMigrations } from './src/migrations/sqlite'
import { configuredOrigin } from './src/security/origin'
import { allowedOrigins, guardSessionCookie } from './src/security/sessionCookie'
import { healthEndpoint, hitEndpoint, registerStats } from './src/stats/endpoints'
import { registerRedirects } from './src/redirects/register'
import { reportEndpoint } from './src/stats/reportEndpoint'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build'
const isTest = process.env.NODE_ENV === 'test'
const autoRunning = () => !isBuildPhase && !isTest && process.env.JOBS_AUTORUN !== 'false'

// Every collection and global, Payload's own included, checks what a request asks of it (src/limits).
export default buildConfig({
  serverURL: configuredOrigin() ?? '',
  // A session cookie acts only from this site's origin; no other origin may read our answers
  // (src/security/sessionCookie.ts; without SERVER_URL, the request's own origin).
  csrf: allowedOrigins(),
  cors: allowedOrigins(),
  secret: payloadSecret(),
  telemetry: false,
  logger,
  admin: {
    user: Users.slug,
    // The default avatar is a gravatar request per page; the newsroom does not need it.
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname) },
    meta: { titleSuffix: ' – Cổng thông tin' },
    // One date format on every admin screen, 24-hour; schedules are set in Vietnam time.
    dateFormat: ADMIN_DATE_FORMAT,
    timezones: adminTimezones,
    components: {
      graphics: { Logo: '/src/components/admin/Logo#Logo', Icon: '/src/components/admin/Logo#Icon' },
      beforeNavLinks: ['/src/components/admin/Logo#NavBrand', '/src/components/workflow/ReviewNavLink#ReviewNavLink'],
      providers: ['/src/components/admin/FixedEnglishLabels#FixedEnglishLabels'],
      afterNavLinks: ['/src/components/stats/admin/StatsNavLink#StatsNavLink', '/src/components/backup/BackupNavLink#BackupNavLink'],
      // the newsroom's first screen: the day's figures, the queue, schedules, latest publishes
      beforeDashboard: ['/src/components/workflow/NewsroomDashboard#NewsroomDashboard'],
      views: {
        // no form for the first visitor: how to make the first admin on the server
        createFirstUser: { Component: '/src/components/admin/FirstAdmin#FirstAdmin' },
        stats: { Component: '/src/components/stats/admin/StatsView#StatsView', path: '/thong-ke' },
        reviewQueue: { Component: '/src/components/workflow/ReviewQueueView#ReviewQueueView', path: '/cho-duyet' },
        backups: { Component: '/src/components/backup/BackupView#BackupView', path: '/sao-luu' },
      },
    },
  },
  collections: [
    Articles,
    Images,
    Authors,
    Categories,
    Ratings,
    Users,
    StatsTotals,
    StatsPages,
    StatsBreakdowns,
    StatsVisitors,
    StatsSeen,
    StatsSalts,
    StatsImported,
    AuditLog,
    Redirects,
    Backups,
  ],
  endpoints: [hitEndpoint, healthEndpoint, reportEndpoint],
  // The custom server (scripts/server.mjs) answers hits itself with this process's recorder, and
  // tells staff from strangers by their session's signature.
  onInit: async (payload) => {
    registerStats(payload)
    const { problem } = backupCron()
    if (problem) payload.logger.error(problem)
    registerSessionKey(payload)
    guardSessionCookie(payload)
    registerRedirects(payload)
  },
  globals: [Site, ServiceLinks],
  db: databaseAdapter(databaseUri(), {
    migrationsDir: path.resolve(dirname, 'src/migrations'),
    sqliteMigrations,
    postgresMigrations,
  }),
  editor: lexicalEditor(),
  i18n: {
    fallbackLanguage: 'vi',
    supportedLanguages: { vi, en },
  },
  localization: {
    locales: [
      { code: 'vi', label: 'Tiếng Việt' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'vi',
    fallback: true,
  },
  upload: { limits: { fileSize: maxUploadBytes() } },
  // Mail leaves only when SMTP_URL names a mail server (editors told of submitted articles, password
  // resets); without it each message is printed whole in the server's log.
  email: mailAdapter(),
  sharp,
  jobs: {
    tasks: [revalidateExpiredArticle, backupTask],
    // Scheduled publishing and expiry run inside the app process: every minute the queue is worked
    // (JOBS_CRON: a cron expression, seconds allowed as a sixth field first, e.g. for tests); so is
    // the backup queue, one job at a time, which also keeps the next scheduled backup waiting
    // (src/jobs/backup.ts). With JOBS_AUTORUN=false (tests, a cluster's other instances) neither.
    autoRun: () =>
      autoRunning()
        ? [
            { cron: process.env.JOBS_CRON || '* * * * *', queue: 'default', limit: 50 },
            { cron: process.env.JOBS_CRON || '* * * * *', queue: BACKUP_QUEUE, limit: 1 },
          ]
        : [],
    shouldAutoRun: autoRunning,
    // The queue runs itself (autoRun); working it by HTTP is an admin's call.
    access: { run: ({ req }) => hasRole(req.user, 'admin') },
  },
  typescript: {
    autoGenerate: false,
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  // Off unless GRAPHQL=on; then for staff only, within a budget of documents (src/limits/graphql.ts).
  graphQL: graphQLConfig(),
  loggingLevels: refusedLoggingLevels,
  hooks: { afterError: [inputErrorsAre400] },
}).then((config) => inVietnamese(applyQueryLimits(followEditRights(config))))
