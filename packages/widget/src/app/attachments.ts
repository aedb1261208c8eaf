/**
 * Files in the chat: uploading one the customer picked, and fetching one to show (the request
 * carries the session token, so the bytes become an object URL, never a URL with the token).
 * Errors carry a code; the customer reads the catalogue's words for it (i18n/).
 */

/** ATTACHMENT_MAX_BYTES in @baton/shared (not imported: the widget takes only its types). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface AttachmentAuth {
  siteKey: string;
  token: string | null;
  conversationId: string | null;
}

type Outcome<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

async function send<T>(
  auth: AttachmentAuth,
  path: string,
  init: RequestInit,
  read: (res: Response) => Promise<T>,
): Promise<Outcome<T>> {
  if (!auth.conversationId || !auth.token) {
    return {
      ok: false,
      error: { code: 'SESSION_REQUIRED', message: 'Could not reach the server' },
    };
  }
  try {
    const res = await fetch(
      `/api/conversations/${encodeURIComponent(auth.conversationId)}/attachments${path}`,
      {
        ...init,
        headers: { Authorization: `Bearer ${auth.token}`, 'X-Baton-Site-Key': auth.siteKey },
      },
    );
    if (res.ok) return { ok: true, data: await read(res) };
    const body = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    return { ok: false, error: body?.error ?? { code: `HTTP_${res.status}`, message: '' } };
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: 'Could not reach the server' } };
  }
}

/** Uploads the file; its id goes with the message that sends it. */
export function uploadFile(auth: AttachmentAuth, file: File): Promise<Outcome<string>> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return Promise.resolve({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than 10 MB' },
    });
  }
  return send(
    auth,
    `?name=${encodeURIComponent(file.name)}`,
    { method: 'POST', body: file },
    async (res) => ((await res.json()) as { id: string }).id,
  );
}

const urls = new Map<string, Promise<Outcome<string>>>();

/** An object URL of the attachment's bytes, fetched once per page. */
export function attachmentUrl(auth: AttachmentAuth, id: string): Promise<Outcome<string>> {
  let url = urls.get(id);
  if (!url) {
    url = send(auth, `/${encodeURIComponent(id)}`, {}, async (res) =>
      URL.createObjectURL(await res.blob()),
    );
    // A failure is tried again next time.
    void url.then((r) => r.ok || urls.delete(id));
    urls.set(id, url);
  }
  return url;
}
