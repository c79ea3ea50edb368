import { z } from 'zod';
import { KnowledgeError, type KnowledgeProblem } from './knowledge-error.js';
import { readKnowledgeFile } from './read-file.js';
import type { Knowledge, OrgOwner } from './types.js';

/** Text that could ping a crowd when shown in chat ("@channel", "<!here>") is refused in the overlay. */
const quiet = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/@(channel|here|everyone)\b|<!/i.test(s), 'must not contain @channel, @here, @everyone or <! markup');

export const orgOwnersFileSchema = z.object({
  owners: z
    .array(
      z
        .object({
          /** The concern whose customer part this team owns. */
          concern: z.string().trim().min(1),
          /** Only on this service (otherwise on every service). */
          service: z.string().trim().min(1).optional(),
          team: quiet,
          /** Where to reach them: a channel name, an alias, a page. */
          contact: quiet.optional(),
        })
        .strict(),
    )
    .min(1),
});

/**
 * Reads the organisation's owners overlay (`ORG_OWNERS_FILE`) and returns the knowledge with it:
 * answers and checklists then say which team inside the company owns the customer's part.
 * A broken file throws a KnowledgeError naming the file, the entry and the field.
 */
export function withOrgOwners(knowledge: Knowledge, path: string): Knowledge {
  const read = readKnowledgeFile(path, orgOwnersFileSchema, process.cwd());
  if (!read.ok) throw new KnowledgeError(read.problems);
  const problems: KnowledgeProblem[] = [];
  read.data.owners.forEach((o, i) => {
    const entry = o.service ? `${o.service}/${o.concern}` : o.concern;
    if (!knowledge.concerns.has(o.concern)) problems.push({ file: read.file, entry, field: 'concern', message: `unknown concern "${o.concern}" (in owners[${i}])` });
    if (o.service && !knowledge.services.has(o.service)) problems.push({ file: read.file, entry, field: 'service', message: `unknown service "${o.service}" (in owners[${i}])` });
  });
  if (problems.length > 0) throw new KnowledgeError(problems);

  const byService = new Map<string, OrgOwner>();
  const byConcern = new Map<string, OrgOwner>();
  for (const o of read.data.owners) {
    const owner: OrgOwner = { team: o.team, ...(o.contact ? { contact: o.contact } : {}) };
    if (o.service) byService.set(`${o.service}/${o.concern}`, owner);
    else byConcern.set(o.concern, owner);
  }
  return {
    ...knowledge,
    // A service's own line wins; a variant uses its parent's line; then the concern's line.
    orgOwner: (serviceId, concernId) => {
      const parent = serviceId ? knowledge.services.get(serviceId)?.variantOf : undefined;
      return (
        (serviceId ? byService.get(`${serviceId}/${concernId}`) : undefined) ??
        (parent ? byService.get(`${parent}/${concernId}`) : undefined) ??
        byConcern.get(concernId)
      );
    },
  };
}
