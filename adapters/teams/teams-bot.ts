import { CloudAdapter, type Request, type TurnContext, type WebResponse } from '@microsoft/agents-hosting';
import { Activity, type ConversationReference } from '@microsoft/agents-activity';
import type { Effect } from '../../src/model/effects.js';
import type { SrmCore } from '../../src/core/srm-core.js';
import type { Store } from '../../src/store/store.js';
import { storeConversationRefs, type ConversationRefs } from './conversation-refs.js';
import { personNames } from './person-names.js';
import { performEffects, type TurnOrigin } from './perform-effects.js';
import { toAuthConfiguration, type TeamsAuth } from './teams-config.js';
import { TEAMS_ERROR_CODES } from './teams-errors.js';
import type { Logger } from '../../src/model/logger.js';
import { silentObserver, type Observer } from '../../src/model/observer.js';
import { createConversationQueue, createOutbox } from './teams-outbox.js';
import { TEAMS_STRINGS } from './teams-strings.js';
import { isPersonal, splitConversationId, toInbound, ADAPTIVE_CARD_ACTION_INVOKE, type TeamsInbound } from './to-incoming.js';
import { offeredFile, uploadFile } from './send-file.js';
import { DEFAULT_RETRY, type RetryOptions } from './with-retry.js';
import { isActivity } from './check-activity.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderCardMessage, type AdaptiveCard } from './render-card.js';
import { isLoopbackServiceUrl, serviceUrlMatchesClaim } from './service-url-policy.js';

/** The slice of the shared Store the Teams adapter uses. */
export type TeamsStore = Pick<Store, 'claimOnce' | 'setValue' | 'getValue'>;

export interface TeamsHandlerOptions {
  core: SrmCore;
  store: TeamsStore;
  auth: TeamsAuth;
  logger: Logger;
  /** Where conversation references for proactive messages live (default: in `store`). */
  conversationRefs?: ConversationRefs;
  /** Back-off for throttled Bot Connector calls (tests pass a no-wait sleep). */
  retry?: Partial<RetryOptions>;
  /** How long a seen activity id is remembered, to answer a duplicate delivery once. */
  dedupeTtlMs?: number;
  /** Where Bot Connector failures (429s included) are counted. */
  observer?: Observer;
  /** How files are uploaded to the URL Teams gives on consent (tests may pass their own). */
  fetch?: typeof fetch;
  /** Least time between two sends (or edits) in one conversation (default TEAMS_CONVERSATION_GAP_MS). */
  conversationGapMs?: number;
}

/** Express-compatible middleware: verifies the Bot Framework JWT (401 when missing or bad). */
export type TeamsMiddleware = (req: Request, res: WebResponse, next: (err?: unknown) => void) => Promise<void>;

/** `POST /api/messages` handler; it verifies the token itself, so do not mount `authorize` in front of it too. */
export interface TeamsRequestHandler {
  (req: Request, res: WebResponse): Promise<void>;
  /** The JWT check alone, for mounting ahead of other routes. */
  readonly authorize: TeamsMiddleware;
  readonly mode: TeamsAuth['mode'];
}

const DEFAULT_DEDUPE_TTL_MS = 60 * 60 * 1000;
const WELCOME_TTL_MS = 60 * 1000;
const MESSAGE_CARD_INVOKE_TYPE = 'application/vnd.microsoft.activity.message';

/** Error fields safe to log: no headers, tokens or request bodies. */
function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error).slice(0, 300) };
  const { code, status } = error as Error & { code?: unknown; status?: unknown };
  return {
    errorName: error.name,
    errorMessage: error.message.slice(0, 300),
    ...(typeof code === 'string' ? { errorCode: code } : {}),
    ...(typeof status === 'number' ? { httpStatus: status } : {}),
  };
}

/** The reference kept for proactive messages: the conversation itself, not one thread or message. */
function conversationOnly(reference: ConversationReference): ConversationReference {
  const { activityId: _activityId, ...rest } = reference;
  return { ...rest, conversation: { ...reference.conversation, id: splitConversationId(reference.conversation.id).channelId } };
}

/**
 * Creates the Teams endpoint on the Microsoft 365 Agents SDK. Translates activities for the core,
 * performs its effects, answers each activity id once, and registers the 'teams' sink for timer effects.
 */
export function createTeamsHandler(options: TeamsHandlerOptions): TeamsRequestHandler {
  const { core, store, auth, logger } = options;
  const refs = options.conversationRefs ?? storeConversationRefs(store);
  const observer = options.observer ?? silentObserver;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry, onError: (status) => observer.platformApiError('teams', status) };
  const dedupeTtlMs = options.dedupeTtlMs ?? DEFAULT_DEDUPE_TTL_MS;
  const queue = createConversationQueue(options.conversationGapMs);
  const outboxFor = (context: TurnContext) => createOutbox(context, retry, queue);
  const adapter = new CloudAdapter(toAuthConfiguration(auth), undefined, undefined, {
    emitStackTrace: false,
    validateServiceUrl: auth.mode === 'authenticated',
  });
  const proactiveIdentity = auth.mode === 'authenticated' ? auth.appId : { name: 'anonymous' };

  if (auth.mode === 'local') logger.warn({ teamsMode: 'local' }, TEAMS_STRINGS.localModeWarning);
  else logger.info({ teamsMode: 'authenticated', appType: auth.appType }, 'Teams adapter ready');

  async function apologise(context: TurnContext): Promise<void> {
    try {
      if (context.activity.type === 'invoke') await respondToInvoke(context, TEAMS_STRINGS.apology);
      else await context.sendActivity(TEAMS_STRINGS.apology);
    } catch (sendError) {
      logger.warn({ ...describeError(sendError), activityId: context.activity.id }, 'Teams apology not delivered');
    }
  }

  /** The one place a failed turn becomes a log line and a short apology. */
  async function handleTurnError(context: TurnContext, error: unknown): Promise<void> {
    logger.error(
      {
        ...describeError(error),
        activityId: context.activity.id,
        activityType: context.activity.type,
        conversationId: context.activity.conversation?.id,
      },
      'Teams turn failed',
    );
    await apologise(context);
  }
  adapter.onTurnError = handleTurnError;

  /**
   * Answers an invoke. An Action.Execute gets the presser's own card (it replaces the card for them
   * alone) or a short message only they see.
   */
  async function respondToInvoke(context: TurnContext, text: string | undefined, card?: AdaptiveCard): Promise<void> {
    const body =
      context.activity.name !== ADAPTIVE_CARD_ACTION_INVOKE
        ? undefined
        : card
          ? { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card }
          : { statusCode: 200, type: MESSAGE_CARD_INVOKE_TYPE, value: text ?? TEAMS_STRINGS.actionDone };
    await context.sendActivity(Activity.fromObject({ type: 'invokeResponse', value: { status: 200, body } }));
  }

  async function rememberConversation(context: TurnContext, always: boolean): Promise<void> {
    const reference = conversationOnly(context.activity.getConversationReference());
    if (always || (await refs.get(reference.conversation.id)) === undefined) await refs.save(reference);
  }

  async function runTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const inbound = toInbound(activity);
    if (inbound.kind === 'ignore') {
      if (activity.type === 'invoke') await respondToInvoke(context, undefined);
      return;
    }
    const conversationId = activity.conversation!.id;
    if (activity.id) {
      const dedupeKey = `teams:activity:${splitConversationId(conversationId).channelId}:${activity.id}`;
      if (!(await store.claimOnce(dedupeKey, dedupeTtlMs))) {
        logger.info({ activityId: activity.id, activityType: activity.type }, 'Teams duplicate activity ignored');
        if (activity.type === 'invoke') await respondToInvoke(context, undefined);
        return;
      }
    }
    if (inbound.kind === 'welcome') {
      await rememberConversation(context, true);
      const channelId = splitConversationId(conversationId).channelId;
      // Installing in a chat sends both conversationUpdate and installationUpdate: welcome once.
      if (await store.claimOnce(`teams:welcome:${channelId}`, WELCOME_TTL_MS)) {
        // A new message at the top of the conversation, not a reply to the membership event.
        await outboxFor(context).send(channelId, renderCardMessage(core.welcome()));
      }
      return;
    }
    await rememberConversation(context, false);
    if (inbound.kind === 'file-consent') {
      await answerFileConsent(context, inbound);
      return;
    }
    await personNames(store).remember(activity.from?.id ?? '', activity.from?.name);
    const effects =
      inbound.kind === 'message' ? await core.handleMessage(inbound.message) : await core.handleAction(inbound.action);
    const turn: TurnOrigin = {
      activityId: activity.id ?? '',
      conversationId,
      isPersonal: isPersonal(activity),
      user: { id: activity.from?.id ?? '', ...(activity.from?.name ? { name: activity.from.name } : {}) },
      ...(inbound.kind === 'action' && inbound.via === 'execute' ? { execute: true } : {}),
    };
    const { shown, invoke } = await performEffects(effects, { outbox: outboxFor(context), core, store, turn });
    if (activity.type === 'invoke') await respondToInvoke(context, invoke.text ?? shown?.headline, invoke.card);
  }

  /**
   * The person accepted (upload the waiting file to their OneDrive and show its card) or declined a
   * file consent card. The invoke is answered 200 either way; a failed upload gets the apology.
   */
  async function answerFileConsent(context: TurnContext, consent: Extract<TeamsInbound, { kind: 'file-consent' }>): Promise<void> {
    const outbox = outboxFor(context);
    const conversationId = context.activity.conversation!.id;
    const file = consent.accepted ? await offeredFile(store, consent.fileKey) : undefined;
    if (consent.accepted && consent.upload && file) {
      await outbox.send(conversationId, await uploadFile(consent.upload, file.content, options.fetch));
    } else {
      await outbox.send(conversationId, { text: consent.accepted ? TEAMS_STRINGS.fileGone : TEAMS_STRINGS.fileDeclined });
    }
    await respondToInvoke(context, undefined);
  }

  async function turnLogic(context: TurnContext): Promise<void> {
    try {
      await runTurn(context);
    } catch (error) {
      await handleTurnError(context, error);
    }
  }

  /** Delivers timer-driven effects to conversations saved earlier. */
  async function sink(effects: Effect[]): Promise<void> {
    for (const effect of effects) {
      if (effect.type === 'reply') {
        logger.warn({ effectType: effect.type }, 'Teams sink cannot place a reply effect without a conversation');
        continue;
      }
      try {
        const reference = await refs.get(effect.channelId);
        if (!reference) {
          logger.warn(
            { errorCode: TEAMS_ERROR_CODES.noConversationReference, conversationId: effect.channelId },
            'Teams effect dropped: no saved conversation reference',
          );
          continue;
        }
        await adapter.continueConversation(proactiveIdentity, reference, async (context) => {
          await performEffects([effect], { outbox: outboxFor(context), core, store });
        });
      } catch (error) {
        logger.error({ ...describeError(error), effectType: effect.type, conversationId: effect.channelId }, 'Teams proactive effect failed');
      }
    }
  }
  core.registerSink('teams', sink);

  /** Logs a refused request (never a token or a body) and answers with a fixed, generic body. */
  function refuse(res: WebResponse, status: 400 | 401 | 403, reason: string, req: Request): void {
    logger.warn({ status, reason, ip: (req as { ip?: string }).ip }, 'Teams request refused');
    res.status(status).send({ error: status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad_request' });
  }

  /**
   * The SDK's JWT check, run against a stand-in response so that its error text (which can name
   * internal failures) never reaches an anonymous caller; we answer with our own body instead.
   */
  const authorize: TeamsMiddleware = async (req, res, next) => {
    let status: number | undefined;
    const probe = {
      status(code: number) {
        status = code;
        return probe;
      },
      send() {
        return probe;
      },
    } as unknown as WebResponse;
    let passed = false;
    await adapter.authorizeRequest(req, probe, () => {
      passed = true;
    });
    if (!passed) return refuse(res, status === 405 ? 400 : 401, status === 405 ? 'method not allowed' : 'token missing or invalid', req);
    next();
  };

  const handler = async (req: Request, res: WebResponse): Promise<void> => {
    let authorized = false;
    await authorize(req, res, () => {
      authorized = true;
    });
    if (!authorized) return;
    if (!isActivity(req.body)) return refuse(res, 400, 'not a Bot Framework activity', req);
    const serviceUrl = (req.body as { serviceUrl?: unknown }).serviceUrl;
    if (auth.mode === 'local' && !isLoopbackServiceUrl(serviceUrl)) {
      return refuse(res, 403, 'local mode replies only to loopback serviceUrls', req);
    }
    if (auth.mode === 'authenticated' && !serviceUrlMatchesClaim(serviceUrl, (req.user as { serviceurl?: unknown } | undefined)?.serviceurl)) {
      return refuse(res, 401, "serviceUrl does not match the token's serviceurl claim", req);
    }
    try {
      await adapter.process(req, res, turnLogic);
    } catch (error) {
      logger.error(describeError(error), 'Teams request failed before the turn');
      if (!res.headersSent) res.status(500).end();
    }
  };
  return Object.assign(handler, { authorize, mode: auth.mode });
}
