import { readToken } from './token';

export interface UploadedAttachment {
  id: string;
  width: number;
  height: number;
  visibility: 'STAFF_ONLY' | 'PUBLIC';
}

/** A refusal of POST /attachments: the server's code (FILE_TOO_LARGE, SVG_REFUSED, …) and message. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
export const MAX_ATTACHMENTS = 6;

/** Uploads one image with the signed-in user's token (multipart, one "file" part). */
export async function uploadAttachment(file: Blob, name: string): Promise<UploadedAttachment> {
  if (file.size > MAX_UPLOAD_BYTES) throw new UploadError('FILE_TOO_LARGE', 'too large');
  const form = new FormData();
  form.append('file', file, name);
  const token = readToken();
  let res: Response;
  try {
    res = await fetch('/attachments', {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
  } catch {
    throw new UploadError('NETWORK', 'network');
  }
  const body = (await res.json().catch(() => ({}))) as {
    attachment?: UploadedAttachment;
    error?: { code?: string; message?: string };
  };
  if (!res.ok || !body.attachment) {
    throw new UploadError(body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? res.statusText);
  }
  return body.attachment;
}
