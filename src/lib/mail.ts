/**
 * The site's mail server, from `SMTP_URL` (e.g. `smtp://user:pass@mail.example.vn:587`): the one
 * place that knows how mail leaves. Without `SMTP_URL` no adapter is wired and nothing is sent.
 *
 * This is Payload's nodemailer adapter in a few lines: the official
 * `@payloadcms/email-nodemailer` stops at 3.90.1 and pins its peer to payload 3.90.1, and Payload's
 * dependency check then fails every dev start and test run on our 3.90.2.
 */
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

export const mailConfigured = (): boolean => Boolean(process.env.SMTP_URL)

export function mailAdapter(): EmailAdapter | undefined {
  const url = process.env.SMTP_URL
  if (!url) return undefined
  const defaultFromAddress = process.env.MAIL_FROM || 'no-reply@localhost'
  const defaultFromName = process.env.MAIL_FROM_NAME || 'Cổng thông tin'
  // Not verified at start: a mail server that is down must not delay the site; a send logs its failure.
  const transport = nodemailer.createTransport(url)
  return () => ({
    name: 'nodemailer',
    defaultFromAddress,
    defaultFromName,
    sendEmail: async ({ from, ...message }) => {
      const sender = typeof from === 'object' && from ? (from.name ? `${from.name} <${from.address}>` : from.address) : from
      return transport.sendMail({ ...message, from: sender || `${defaultFromName} <${defaultFromAddress}>` })
    },
  })
}
