import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Which copy a URL serves: the clean original (staff for the file) or the redacted public copy. */
export type UrlVariant = 'o' | 'p';

export interface SignedParams {
  id: string;
  variant: UrlVariant;
  /** Expiry, Unix seconds. */
  exp: number;
  /** The viewer the URL was made for (`o` URLs), or "public". */
  for: string;
}

/**
 * Short-lived attachment URLs: HMAC-SHA256 over id, variant, expiry and viewer with a server secret.
 * A staff-only URL names its viewer, and the file endpoint serves it only to that viewer's token.
 */
export class UrlSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, so an attachment signature is never usable as anything else.
    this.key = createHash('sha256').update(`attachments-url:${secret}`).digest();
  }

  sign(p: SignedParams): string {
    return createHmac('sha256', this.key)
      .update(`${p.id}\n${p.variant}\n${p.exp}\n${p.for}`)
      .digest('base64url');
  }

  path(p: SignedParams): string {
    const q = new URLSearchParams({ v: p.variant, exp: String(p.exp), for: p.for, sig: this.sign(p) });
    return `/attachments/${p.id}/file?${q.toString()}`;
  }

  /** The parameters when the signature matches (expiry is the caller's check), else null. */
  verify(id: string, query: Record<string, unknown>): SignedParams | null {
    const { v, exp, for: viewer, sig } = query;
    if (typeof v !== 'string' || (v !== 'o' && v !== 'p')) return null;
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return null;
    if (typeof viewer !== 'string' || !/^(public|\d{1,20})$/.test(viewer)) return null;
    if (typeof sig !== 'string' || sig.length > 100) return null;
    if (!/^\d{1,20}$/.test(id)) return null;
    const params: SignedParams = { id, variant: v, exp: Number(exp), for: viewer };
    const expected = Buffer.from(this.sign(params));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given) ? params : null;
  }
}
