/* Payload's admin and API shell, as Payload lays it out. */
import config from '@payload-config'
import '@payloadcms/next/css'
import type { ServerFunctionClient } from 'payload'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import { buildFormStateHandler } from '@payloadcms/ui/utilities/buildFormState'
import React from 'react'

import { auditedSchedulePublish } from '../../audit/scheduleDrawer'
import { lockStatusOnlyForEditors } from '../../security/locks'

import { importMap } from './admin/importMap.js'
import './custom.scss'

type Args = { children: React.ReactNode }

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  // Document locks follow edit rights (src/security/locks.ts); the schedule drawer's changes land
  // in the audit trail (src/audit/scheduleDrawer.ts).
  const serverFunctions = {
    'form-state': lockStatusOnlyForEditors(buildFormStateHandler),
    'schedule-publish': auditedSchedulePublish,
  }
  return handleServerFunctions({ ...args, config, importMap, serverFunctions })
}

const Layout = ({ children }: Args) => (
  <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
    {children}
  </RootLayout>
)

export default Layout
