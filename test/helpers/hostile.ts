// Building blocks of the hostile-request suite: payloads a scanner sends, and the one check every
// response must pass.

export const INJECTIONS = [
  `' OR '1'='1`,
  `1; DROP TABLE users; --`,
  `" OR id > 0 OR tags = "x`,
  `tags = "a" OR 1=1`,
  `\\" AND status != "x`,
  `<script>alert(document.cookie)</script>`,
  `<img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
  `\${jndi:ldap://127.0.0.1/a}`,
  `{{7*7}}`,
  `../../../../etc/passwd`,
  `%00%0d%0aSet-Cookie: a=b`,
  `\u0000\u0001`,
  `\ud800`,
  `𝕳𝖊𝖑𝖑𝖔 ‮txt.exe`,
  `SELECT * FROM users WHERE 1=1`,
  'a'.repeat(70000),
];

export interface RawResponse {
  status: number;
  text: string;
}

const LEAKS = [
  /\bat \S+ \(?\/?[\w/.-]+\.(js|ts):\d+/, // stack frames
  /node_modules/,
  /\bER_[A-Z_]{4,}/, // MySQL error codes
  /SQL syntax|QueryFailedError|sqlMessage|INSERT INTO|SELECT [\w`.*, ]+ FROM `?\w/i,
  /TypeError|ReferenceError|Cannot read propert/,
];

/** Never a 5xx, never an internal error, never a stack trace or SQL; errors always carry a code. */
export function assertSafe(res: RawResponse): void {
  if (res.status >= 500) throw new Error(`server error ${res.status}: ${res.text.slice(0, 300)}`);
  for (const leak of LEAKS) {
    if (leak.test(res.text)) throw new Error(`response leaks internals (${leak}): ${res.text.slice(0, 300)}`);
  }
  let body: { errors?: { extensions?: { code?: unknown } }[] } | undefined;
  try {
    body = JSON.parse(res.text);
  } catch {
    if (res.status < 400) throw new Error(`non-JSON success response: ${res.text.slice(0, 200)}`);
    return;
  }
  for (const e of body?.errors ?? []) {
    const code = e.extensions?.code;
    if (typeof code !== 'string') throw new Error(`error without a code: ${JSON.stringify(e).slice(0, 200)}`);
    if (code === 'INTERNAL_SERVER_ERROR')
      throw new Error(`internal error: ${JSON.stringify(e).slice(0, 200)}`);
  }
}
