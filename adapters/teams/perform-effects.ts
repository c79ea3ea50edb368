import type { Effect } from '../../src/model/effects.js';
import { plainReply, type Reply } from '../../src/model/reply-model.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import type { Store } from '../../src/store/store.js';
import { decodeMessageAddress, encodeMessageAddress } from './message-address.js';
import { neutraliseMentions } from './mentions.js';
import { personNames } from './person-names.js';
import { renderCard, renderCardMessage, renderFormMessage, type AdaptiveCard } from './render-card.js';
import type { OutgoingMessage, TeamsOutbox } from './teams-outbox.js';
import { splitConversationId } from './to-incoming.js';
import { fileConsentCard } from './send-file.js';
import { TEAMS_STRINGS } from './teams-strings.js';

/** The incoming activity effects answer; absent for effects the core produces on a timer. */
export interface TurnOrigin {
  activityId: string;
  /** The full conversation id of the incoming activity (with its `;messageid=` thread, if any). */
  conversationId: string;
  isPersonal: boolean;
  user: { id: string; name?: string };
  /** An Action.Execute press (Universal Actions): what is for the presser alone goes in the invoke response. */
  execute?: boolean;
}

/** What an Action.Execute press answers its presser with, alone: their own card, or a short message. */
export interface InvokeAnswer {
  card?: AdaptiveCard;
  text?: string;
}

export interface EffectDeps {
  outbox: TeamsOutbox;
  core: Pick<SrmCore, 'rememberMessage'>;
  store: Pick<Store, 'getValue' | 'setValue'>;
  turn?: TurnOrigin;
}

function threadOf(channelId: string, rootActivityId: string): string {
  return `${splitConversationId(channelId).channelId};messageid=${rootActivityId}`;
}

function isChannel(deps: EffectDeps): boolean {
  return deps.outbox.reference.conversation.conversationType === 'channel';
}

/** Where a `post` goes: the top of the conversation, or (in channels) the thread of an earlier post. */
async function postTarget(deps: EffectDeps, channelId: string, inThreadOf: string | undefined): Promise<string> {
  if (!inThreadOf || !isChannel(deps)) return channelId;
  const remembered = await deps.store.getValue(inThreadOf);
  if (remembered === undefined) return channelId;
  const root = decodeMessageAddress(remembered, channelId);
  return splitConversationId(root.conversationId).threadId ? root.conversationId : threadOf(root.conversationId, root.activityId);
}

/** Teams has no ephemeral messages: in a shared conversation, a private reply mentions its person. */
function withMention(message: OutgoingMessage, userId: string, name: string | undefined): OutgoingMessage {
  if (!name) return message;
  const tag = `<at>${neutraliseMentions(name)}</at>`;
  return {
    ...message,
    text: tag,
    entities: [{ type: 'mention', text: tag, mentioned: { id: userId, name } }],
  };
}

/** Sends a reply in the turn's thread, or to the conversation when there is no turn. */
async function replyInTurn(deps: EffectDeps, channelId: string, threadId: string | undefined, message: OutgoingMessage) {
  const turn = deps.turn;
  if (turn && splitConversationId(turn.conversationId).channelId === channelId) {
    return deps.outbox.send(turn.conversationId, message, turn.activityId);
  }
  return deps.outbox.send(threadId && isChannel(deps) ? threadOf(channelId, threadId) : channelId, message);
}

function inPersonalChat(deps: EffectDeps): boolean {
  return deps.turn?.isPersonal ?? deps.outbox.reference.conversation.conversationType === 'personal';
}

/**
 * A message for one person: as it is in the personal chat; in a shared conversation (Teams has no
 * private messages) it mentions them, by name when the turn knows it.
 */
function addressedTo(deps: EffectDeps, userId: string, message: OutgoingMessage): OutgoingMessage {
  if (inPersonalChat(deps)) return message;
  return withMention(message, userId, deps.turn?.user.id === userId ? deps.turn.user.name : undefined);
}

/** True when the effect is for the presser of an Action.Execute, who is answered in the invoke response. */
function forPresser(effect: Effect, deps: EffectDeps): boolean {
  return deps.turn?.execute === true && 'userId' in effect && effect.userId === deps.turn.user.id && (effect.type === 'private' || effect.type === 'personal');
}

async function performOne(effect: Effect, deps: EffectDeps): Promise<Reply | undefined> {
  switch (effect.type) {
    case 'personal':
      // Shown only in an Action.Execute's invoke response (see performEffects); nothing to send.
      return undefined;
    case 'reply': {
      const channelId = splitConversationId(deps.turn?.conversationId ?? deps.outbox.reference.conversation.id).channelId;
      await replyInTurn(deps, channelId, undefined, renderCardMessage(effect.reply));
      return effect.reply;
    }
    case 'post': {
      const target = await postTarget(deps, effect.channelId, effect.inThreadOf);
      const address = await deps.outbox.send(target, renderCardMessage(effect.reply));
      await deps.core.rememberMessage(effect.key, encodeMessageAddress(address));
      return undefined;
    }
    case 'update': {
      await deps.outbox.update(decodeMessageAddress(effect.messageId, effect.channelId), renderCardMessage(effect.reply));
      return undefined;
    }
    case 'private':
      await replyInTurn(deps, effect.channelId, effect.threadId, addressedTo(deps, effect.userId, renderCardMessage(effect.reply)));
      return effect.reply;
    case 'file': {
      // Teams sends files to a person only in the personal chat, after they accept a consent card.
      const personal = inPersonalChat(deps);
      const message = personal
        ? await fileConsentCard(deps.store, effect.file, effect.reply.headline)
        : addressedTo(deps, effect.userId, renderCardMessage(plainReply('notice', TEAMS_STRINGS.filesInPersonalChat)));
      await replyInTurn(deps, effect.channelId, effect.threadId, message);
      return personal ? effect.reply : undefined;
    }
    case 'form':
      await replyInTurn(deps, effect.channelId, effect.threadId, addressedTo(deps, effect.userId, renderFormMessage(effect.form)));
      return undefined;
  }
}

/**
 * Performs the core's effects in order. Returns the first reply shown to the user and, for an
 * Action.Execute press, what answers the presser alone (their own card, or a short message) instead of
 * a public reply that mentions them.
 */
export async function performEffects(effects: readonly Effect[], deps: EffectDeps): Promise<{ shown?: Reply; invoke: InvokeAnswer }> {
  let first: Reply | undefined;
  const invoke: InvokeAnswer = {};
  const names = personNames(deps.store);
  for (const raw of effects) {
    const effect = 'reply' in raw ? { ...raw, reply: await names.resolve(raw.reply) } : raw;
    if (forPresser(effect, deps) && 'reply' in effect) {
      if (effect.type === 'personal') invoke.card ??= renderCard(effect.reply);
      else invoke.text ??= effect.reply.headline;
      first ??= effect.reply;
      continue;
    }
    const shown = await performOne(effect, deps);
    first ??= shown;
  }
  return { shown: first, invoke };
}
