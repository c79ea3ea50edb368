import { randomUUID } from 'node:crypto';
import type { ReplyFile } from '../../src/model/reply-model.js';
import type { Store } from '../../src/store/store.js';
import type { OutgoingMessage } from './teams-outbox.js';
import type { FileUploadInfo } from './to-incoming.js';

/** How long an offered file waits for the person to accept it. */
const OFFER_TTL_MS = 60 * 60 * 1000;
const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

const fileKeyOf = (key: string) => `teams:file:${key}`;

/**
 * Offers a file in the personal chat: Teams shows a consent card, and only when the person accepts
 * does it say where to upload. The file waits in the store (an hour) under a random key the card carries.
 */
export async function fileConsentCard(store: Pick<Store, 'setValue'>, file: ReplyFile, description: string): Promise<OutgoingMessage> {
  const fileKey = randomUUID();
  await store.setValue(fileKeyOf(fileKey), JSON.stringify({ name: file.name, content: file.content }), OFFER_TTL_MS);
  return {
    attachments: [
      {
        contentType: FILE_CONSENT_CARD,
        name: file.name,
        content: {
          description,
          sizeInBytes: Buffer.byteLength(file.content, 'utf8'),
          acceptContext: { fileKey },
          declineContext: { fileKey },
        },
      },
    ],
  };
}

/** The offered file, if it is still waiting. */
export async function offeredFile(store: Pick<Store, 'getValue'>, fileKey: string): Promise<{ name: string; content: string } | undefined> {
  const raw = await store.getValue(fileKeyOf(fileKey));
  if (!raw) return undefined;
  const parsed = JSON.parse(raw) as { name?: unknown; content?: unknown };
  return typeof parsed.name === 'string' && typeof parsed.content === 'string' ? { name: parsed.name, content: parsed.content } : undefined;
}

/** Puts the file where Teams said (one PUT with its whole byte range), then returns the card that shows it. */
export async function uploadFile(upload: FileUploadInfo, content: string, fetchImpl: typeof fetch = fetch): Promise<OutgoingMessage> {
  const bytes = Buffer.from(content, 'utf8');
  const response = await fetchImpl(upload.uploadUrl, {
    method: 'PUT',
    headers: { 'Content-Length': String(bytes.length), 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
    body: bytes,
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw Object.assign(new Error(`file upload failed with HTTP ${response.status}`), { status: response.status });
  return {
    attachments: [
      { contentType: FILE_INFO_CARD, contentUrl: upload.contentUrl, name: upload.name, content: { uniqueId: upload.uniqueId, fileType: upload.fileType } },
    ],
  };
}
