/**
 * The versions screen's comparison of an article body: Payload's own Lexical diff, given the two
 * bodies with their blocks written out in Vietnamese (src/lib/bodyDiff.ts).
 */
import { LexicalDiffComponent } from '@payloadcms/richtext-lexical/rsc'
import type { FieldDiffServerProps } from 'payload'
import type React from 'react'

import { readableBody } from '../../lib/bodyDiff'

export function BodyDiff(props: FieldDiffServerProps) {
  const Diff = LexicalDiffComponent as unknown as React.ComponentType<FieldDiffServerProps>
  return <Diff {...props} comparisonValue={readableBody(props.comparisonValue)} versionValue={readableBody(props.versionValue)} />
}
