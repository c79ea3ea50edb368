import { z } from 'zod';

/** Sources must be AWS's own pages: documentation or aws.amazon.com. */
const ALLOWED_SOURCE_HOSTS = /^(docs\.aws\.amazon\.com|aws\.amazon\.com)$/;

const sourceUrl = z
  .string()
  .url()
  .refine((u) => ALLOWED_SOURCE_HOSTS.test(new URL(u).hostname), {
    message: 'source must be a page on docs.aws.amazon.com or aws.amazon.com',
  });

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by dashes');
const owner = z.enum(['aws', 'customer', 'shared']);
const text = z.string().trim().min(1);
const terms = z.array(z.string().trim().min(1)).min(1);

const responsibility = z.object({
  owner,
  aws: text,
  customer: text,
  sources: z.array(sourceUrl).min(1, 'at least one source URL is required'),
});

export const servicesFileSchema = z.object({
  services: z
    .array(
      z.object({
        id,
        name: text,
        aliases: terms,
        genericTerms: z.array(z.string().trim().min(1)).default([]),
        category: z.enum(['infrastructure', 'container', 'abstracted']),
        categoryNote: text,
        model: z.enum(['IaaS', 'PaaS', 'SaaS']),
        modelNote: text,
        source: sourceUrl,
        variantOf: id.optional(),
        variantLabel: text.optional(),
        primaryConcern: id.optional(),
        whyNote: text.optional(),
      }),
    )
    .min(1),
});

export const concernsFileSchema = z.object({
  concerns: z
    .array(
      z.object({
        id,
        label: text,
        terms,
        general: responsibility,
        resolvesTo: z.array(id).default([]),
        contextTerms: z.array(z.string().trim().min(1)).default([]),
      }),
    )
    .min(1),
});

export const defaultsFileSchema = z.object({
  defaults: z.array(responsibility.extend({ concern: id })),
});

export const responsibilitiesFileSchema = z.object({
  service: id,
  notApplicable: z.array(id).default([]),
  withheld: z.array(id).default([]),
  entries: z.array(responsibility.extend({ concern: id })).default([]),
});

export const conceptsFileSchema = z.object({
  concepts: z
    .array(
      z.object({
        id,
        title: text,
        terms,
        summary: text,
        points: z.array(text).default([]),
        sources: z.array(sourceUrl).min(1, 'at least one source URL is required'),
      }),
    )
    .min(1),
});

export const quizFileSchema = z.object({
  id,
  title: text,
  summary: text,
  tags: z.array(z.string().trim().min(1)).default([]),
  questions: z
    .array(
      z.object({
        id,
        prompt: text,
        answer: owner,
        explanation: text,
        source: sourceUrl,
        service: id.optional(),
        concern: id.optional(),
      }),
    )
    .min(1),
});

export type ServicesFile = z.infer<typeof servicesFileSchema>;
export type ConcernsFile = z.infer<typeof concernsFileSchema>;
export type DefaultsFile = z.infer<typeof defaultsFileSchema>;
export type ResponsibilitiesFile = z.infer<typeof responsibilitiesFileSchema>;
export type ConceptsFile = z.infer<typeof conceptsFileSchema>;
export type QuizFile = z.infer<typeof quizFileSchema>;
