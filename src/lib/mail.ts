/**
 * The site's mail server, from `SMTP_URL` (e.g. `smtp://user:pass@mail.example.vn:587`): the one
 * place that knows how mail leaves. Without `SMTP_URL` nothing is sent: the console adapter prints
 * each message whole (recipients, subject, body, links) through the app's logger, so that
 * “Quên mật khẩu” works on a demo: whoever runs the server reads the reset link in its output.
 *
 * This is Payload's nodemailer adapter in a few lines: the official
 * `@payloadcms/email-nodemailer` stops at 3.90.1 and pins its peer to payload 3.90.1, and Payload's
 * dependency check then fails every dev start and test run on our 3.90.2.
 */
import nodemailer from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'

export const mailConfigured = (): boolean => Boolean(process.env.SMTP_URL)

type Address = NonNullable<SendEmailOptions['to']>

const addressText = (value: Address | undefined): string =>
  !value
    ? ''
    : Array.isArray(value)
      ? value.map(addressText).join(', ')
      : typeof value === 'string'
        ? value
        : value.name
          ? `${value.name} <${value.address}>`
          : value.address

/** A message as it would be sent, in plain lines: headers, then the text and HTML bodies. */
export function printableMessage(message: SendEmailOptions): string {
  const lines = [
    `Từ: ${addressText(message.from as Address)}`,
    `Đến: ${addressText(message.to)}`,
    ...(message.cc ? [`Cc: ${addressText(message.cc)}`] : []),
    ...(message.bcc ? [`Bcc: ${addressText(message.bcc)}`] : []),
    `Tiêu đề: ${message.subject ?? ''}`,
  ]
  if (typeof message.text === 'string') lines.push('', message.text)
  if (typeof message.html === 'string') lines.push('', message.html)
  return lines.join('\n')
}

export function mailAdapter(): EmailAdapter {
  const url = process.env.SMTP_URL
  const defaultFromAddress = process.env.MAIL_FROM || 'no-reply@localhost'
  const defaultFromName = process.env.MAIL_FROM_NAME || 'Cổng thông tin'
  if (!url) {
    return ({ payload }) => ({
      name: 'console',
      defaultFromAddress,
      defaultFromName,
      sendEmail: async (message) => {
        payload.logger.info(`Thư không gửi đi (chưa đặt SMTP_URL), nội dung đầy đủ:\n${printableMessage(message)}`)
      },
    })
  }
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
