import { z } from 'zod';

const id = z.string().min(1).max(1000);
const account = z.object({ id, name: z.string().max(1000).optional() }).passthrough();

/** The least a Bot Framework activity must hold for the adapter to handle it; anything else is a 400. */
const activitySchema = z
  .object({
    type: z.string().min(1).max(100),
    id: id.optional(),
    channelId: z.string().max(100).optional(),
    serviceUrl: z.string().max(2000).optional(),
    conversation: z.object({ id, conversationType: z.string().max(100).optional(), tenantId: z.string().max(200).optional() }).passthrough(),
    from: account.optional(),
    recipient: account.optional(),
    text: z.string().max(100_000).optional(),
    name: z.string().max(200).optional(),
    value: z.unknown().optional(),
    entities: z.array(z.record(z.string(), z.unknown())).optional(),
    membersAdded: z.array(account).optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();

/** True when `body` has the shape of a Bot Framework activity this adapter can handle. */
export function isActivity(body: unknown): boolean {
  return activitySchema.safeParse(body).success;
}
