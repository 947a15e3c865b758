/**
 * The last touches of the admin's language, applied to the built config: Lexical merges its own
 * translations over `i18n.translations` while the config is built, so our words for Lexical's
 * strings ("Quy tắc ngang") only stick when merged afterwards.
 */
import { deepMergeSimple, type SanitizedConfig } from 'payload'

import { vietnameseOverrides } from './translations'

export function inVietnamese(config: SanitizedConfig): SanitizedConfig {
  const translations = config.i18n.translations as Record<string, object | undefined>
  translations.vi = deepMergeSimple(translations.vi ?? {}, vietnameseOverrides)
  // The "API" tab shows a document's raw JSON: nothing for the newsroom, and English on every
  // edit screen. The REST API itself stays (README, "API").
  for (const entity of [...config.collections, ...config.globals]) entity.admin.hideAPIURL = true
  return config
}
