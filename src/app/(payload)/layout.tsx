/* Payload's admin and API shell, as Payload lays it out. */
import config from '@payload-config'
import '@payloadcms/next/css'
import type { ServerFunctionClient } from 'payload'
import { handleServerFunctions, RootLayout } from '@payloadcms/next/layouts'
import React from 'react'

import { auditedSchedulePublish } from '../../audit/scheduleDrawer'
import { importMap } from './admin/importMap.js'
import './custom.scss'

type Args = { children: React.ReactNode }

const serverFunction: ServerFunctionClient = async function (args) {
  'use server'
  // the schedule drawer's changes land in the audit trail (src/audit/schedule.ts)
  return handleServerFunctions({ ...args, config, importMap, serverFunctions: { 'schedule-publish': auditedSchedulePublish } })
}

const Layout = ({ children }: Args) => (
  <RootLayout config={config} importMap={importMap} serverFunction={serverFunction}>
    {children}
  </RootLayout>
)

export default Layout
