/** Calls the REST API the way the Next route handlers do, without starting a server. */
import { handleEndpoints, type SanitizedConfig } from 'payload'

export type RestClient = {
  request: (method: string, path: string, init?: { body?: BodyInit; json?: unknown; token?: string; headers?: Record<string, string> }) => Promise<Response>
  login: (email: string, password: string) => Promise<string>
}

export function restClient(config: SanitizedConfig): RestClient {
  const request: RestClient['request'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers }
    let body = init.body
    if (init.json !== undefined) {
      body = JSON.stringify(init.json)
      headers['content-type'] = 'application/json'
    }
    if (init.token) headers.authorization = `JWT ${init.token}`
    return handleEndpoints({ config, request: new Request(`http://localhost:3000/api${path}`, { method, body, headers }) })
  }
  return {
    request,
    login: async (email, password) => {
      const response = await request('POST', '/users/login', { json: { email, password } })
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`)
      return ((await response.json()) as { token: string }).token
    },
  }
}
