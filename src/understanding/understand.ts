import type { Knowledge } from '../knowledge/types.js';
import {
  COMPARE_CUES,
  type DeclineReason,
  hasCue,
  OUT_OF_SCOPE_CUES,
  RESPONSIBILITY_CUES,
  SERVICE_CARD_CUES,
  STRONG_RESPONSIBILITY_CUES,
} from './cue-words.js';
import { detectCommand } from './detect-command.js';
import { findMentions, type Mention } from './find-mentions.js';
import { normalizeText } from './normalize-text.js';
import { buildPhraseIndex, type PhraseIndex } from './phrase-index.js';
import { resolveConcerns } from './resolve-concerns.js';
import { resolveServices } from './resolve-services.js';
import { createSpellingCorrector, type SpellingCorrector } from './spelling.js';
import { COMMON_WORDS } from './common-words.js';
import { stem } from './stem.js';
import type { Understanding } from './understanding.js';

/** Turns a chat message into an Understanding. Built once per knowledge base. */
export type Understand = (text: string) => Understanding;

/** Declines unless the question clearly asks who is responsible. */
const SOFT_DECLINES: ReadonlySet<DeclineReason> = new Set(['how-to', 'not-responsibility']);
/** "aws flurble", "amazon flurble": a service name we do not know. */
const PRODUCT_NAME = /(?:^| )(?:aws|amazon) ([a-z][a-z0-9]+)/g;

/** Builds the matcher's indexes from the knowledge base (once, at start-up). */
export function createUnderstand(knowledge: Knowledge): Understand {
  const index = buildPhraseIndex(knowledge);
  const correct = createSpellingCorrector(index.vocabulary);
  return (text) => understand(text, knowledge, index, correct);
}

function understand(text: string, knowledge: Knowledge, index: PhraseIndex, correct: SpellingCorrector): Understanding {
  const words = normalizeText(text);
  const base = { services: [], concernIds: [], args: '', words };
  if (words.length === 0) return { ...base, intent: 'help', confidence: 1 };

  const command = detectCommand(words);
  if (command) return { ...base, intent: command.intent, args: command.args, confidence: 1 };

  const padded = ` ${words.join(' ')} `;
  const strongCue = hasCue(padded, STRONG_RESPONSIBILITY_CUES);
  for (const { reason, cues } of OUT_OF_SCOPE_CUES) {
    if (hasCue(padded, cues) && !(SOFT_DECLINES.has(reason) && strongCue)) {
      return decline(base, reason);
    }
  }

  const mentions = findMentions(words, index, correct);
  const concernMentioned = mentions.some((m) => m.targets.some((t) => t.kind === 'concern' || t.kind === 'context'));
  const cue = strongCue || hasCue(padded, RESPONSIBILITY_CUES);
  const { refs, consumed } = resolveServices(mentions, knowledge, cue || concernMentioned);
  const concerns = resolveConcerns(
    mentions.filter((m) => !consumed.has(m)),
    knowledge,
  );
  const conceptId = bestConcept(mentions);
  const corrected = mentions.some((m) => m.corrected);

  if (refs.length === 0 && unknownProductName(words, index)) return decline(base, 'unknown-service');

  const found = { ...base, services: refs, concernIds: concerns.ids, conceptId };
  const penalty = (corrected ? 0.1 : 0) + (refs.some((r) => r.generic) ? 0.1 : 0) + (concerns.fromContextOnly ? 0.15 : 0);

  if (refs.length >= 2) {
    return { ...found, intent: 'compare', confidence: 0.9 - penalty };
  }
  if (refs.length === 1 && concerns.ids.length > 0) {
    return { ...found, intent: 'who-owns', confidence: 0.95 - penalty };
  }
  const unexplained = unexplainedWords(words, mentions);
  if (refs.length === 1) {
    const primary = primaryConcernOf(refs[0]!.candidates, knowledge);
    if (primary && (cue || unexplained <= 1)) {
      return { ...found, concernIds: [primary], intent: 'who-owns', confidence: 0.8 - penalty };
    }
    const asksForCard = hasCue(padded, SERVICE_CARD_CUES) || cue || conceptId !== undefined || unexplained <= 2;
    return asksForCard ? { ...found, intent: 'service-card', confidence: 0.8 - penalty } : decline(found, 'not-understood');
  }
  if (concerns.ids.length > 0) {
    if (conceptId && conceptWins(mentions, conceptId)) return { ...found, intent: 'concept', confidence: 0.9 };
    const clear = cue || unexplained <= 1;
    return clear ? { ...found, intent: 'who-owns', confidence: 0.9 - penalty } : decline(found, 'not-understood');
  }
  if (conceptId) return { ...found, intent: 'concept', confidence: 0.9 - (corrected ? 0.1 : 0) };
  if (hasCue(padded, COMPARE_CUES)) return decline(found, 'not-understood');
  return decline(found, 'not-understood');
}

function decline(base: Omit<Understanding, 'intent' | 'confidence'>, reason: DeclineReason): Understanding {
  return { ...base, intent: 'decline', declineReason: reason, confidence: 0 };
}

/** The concept named by the longest phrase, if any. */
function bestConcept(mentions: Mention[]): string | undefined {
  let best: { id: string; words: number } | undefined;
  for (const m of mentions) {
    for (const t of m.targets) {
      if (t.kind === 'concept' && (!best || m.words > best.words)) best = { id: t.id, words: m.words };
    }
  }
  return best?.id;
}

/** A concept phrase longer than every concern phrase ("shared controls" beats "controls"). */
function conceptWins(mentions: Mention[], conceptId: string): boolean {
  const conceptWords = Math.max(...mentions.filter((m) => m.targets.some((t) => t.kind === 'concept' && t.id === conceptId)).map((m) => m.words));
  const concernWords = Math.max(0, ...mentions.filter((m) => m.targets.some((t) => t.kind === 'concern')).map((m) => m.words));
  return conceptWords > concernWords;
}

/** Meaningful words that no knowledge phrase explains: many of them suggest an off-topic message. */
function unexplainedWords(words: string[], mentions: Mention[]): number {
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.start; i < m.start + m.words; i++) covered.add(i);
  return words.filter((w, i) => !covered.has(i) && !COMMON_WORDS.has(w)).length;
}

/** The primary concern shared by every candidate of a ref, if they have one. */
function primaryConcernOf(candidates: string[], knowledge: Knowledge): string | undefined {
  const primaries = new Set(candidates.map((id) => knowledge.services.get(id)?.primaryConcern));
  return primaries.size === 1 ? [...primaries][0] : undefined;
}

function unknownProductName(words: string[], index: PhraseIndex): boolean {
  const text = words.join(' ');
  for (const match of text.matchAll(PRODUCT_NAME)) {
    const name = match[1]!;
    if (!COMMON_WORDS.has(name) && !index.vocabulary.has(stem(name))) return true;
  }
  return false;
}
