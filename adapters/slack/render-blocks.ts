import type { types } from '@slack/bolt';
import { ACTION_IDS, type Reply, type ReplyAction, type OwnerRow } from '../../src/model/reply-model.js';
import type { Owner } from '../../src/model/owner.js';
import { personsIn } from '../../src/model/person-token.js';
import { escapeMrkdwn, escapePlain, splitText, truncate } from './escape-mrkdwn.js';
import { OWNER_EMOJI, OWNER_NAME, SLACK_STRINGS } from './slack-strings.js';

type KnownBlock = types.KnownBlock;

/** Slack's published limits, with a conservative total budget (bolt-js #2509 failed at ~13k). */
export const SLACK_LIMITS = Object.freeze({
  maxBlocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  buttonsPerBlock: 25,
  idLength: 255,
  blocksBudgetChars: 12_000,
  fallbackText: 3000,
});

/** A message ready for chat.postMessage / chat.update / response_url. */
export interface SlackMessage {
  /** Plain fallback for notifications and screen readers; escaped like every other field. */
  text: string;
  blocks: KnownBlock[];
}

const FEEDBACK_IDS: ReadonlySet<string> = new Set([ACTION_IDS.feedbackUp, ACTION_IDS.feedbackDown]);
const ACTION_ID_SEPARATOR = ':';

/** Renders a neutral reply as Block Kit within Slack's limits: long parts are split or trimmed, never rejected. */
export function renderBlocks(reply: Reply): SlackMessage {
  const head = headBlocks(reply);
  const tail = tailBlocks(reply);
  const body = bodyBlocks(reply);

  const blocks = [...head];
  let used = size(head) + size(tail);
  const room = SLACK_LIMITS.maxBlocks - head.length - tail.length - 1;
  let trimmed = false;
  for (const block of body) {
    const cost = size([block]);
    if (blocks.length - head.length >= room || used + cost > SLACK_LIMITS.blocksBudgetChars) {
      trimmed = true;
      break;
    }
    blocks.push(block);
    used += cost;
  }
  if (trimmed) blocks.push(context([SLACK_STRINGS.trimmed]));
  blocks.push(...tail);

  return { text: fallbackText(reply), blocks };
}

/** Recovers the core's action id from a rendered one (`srm_quiz_answer:2` → `srm_quiz_answer`). */
export function baseActionId(renderedActionId: string): string {
  const at = renderedActionId.indexOf(ACTION_ID_SEPARATOR);
  return at < 0 ? renderedActionId : renderedActionId.slice(0, at);
}

function fallbackText(reply: Reply): string {
  const plain = reply.text.trim().length > 0 ? reply.text : reply.headline;
  return truncate(escapeMrkdwn(plain), SLACK_LIMITS.fallbackText);
}

function headBlocks(reply: Reply): KnownBlock[] {
  const emoji = reply.owner ? `${OWNER_EMOJI[reply.owner]} ` : '';
  const headline = escapeMrkdwn(reply.headline.trim());
  const plainHeadline = escapePlain(reply.headline.trim());
  const blocks: KnownBlock[] = [];
  // A header is plain_text, where a mention shows as a raw "@U0001": headlines naming people use mrkdwn.
  const namesPeople = personsIn(reply.headline).length > 0;
  if (headline.length > 0 && !namesPeople && emoji.length + plainHeadline.length <= SLACK_LIMITS.headerText) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: emoji + plainHeadline, emoji: true } });
  } else if (headline.length > 0) {
    blocks.push(section(`${emoji}*${truncate(headline, SLACK_LIMITS.sectionText - 40)}*`));
  }
  const facts = [
    reply.owner ? `${SLACK_STRINGS.ownerLabel}: ${OWNER_EMOJI[reply.owner]} *${OWNER_NAME[reply.owner]}*` : '',
    reply.serviceName ? escapeMrkdwn(reply.serviceName) : '',
    reply.concernLabel ? escapeMrkdwn(reply.concernLabel) : '',
  ].filter((fact) => fact.length > 0);
  if (facts.length > 0) blocks.push(context([truncate(facts.join('  ·  '), SLACK_LIMITS.sectionText)]));
  return blocks;
}

function bodyBlocks(reply: Reply): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (const part of reply.sections) {
    const title = escapeMrkdwn(part.title.trim());
    const body = escapeMrkdwn(part.body.trim());
    const text = title.length > 0 ? `*${title}*\n${body}` : body;
    for (const piece of splitText(text, SLACK_LIMITS.sectionText)) blocks.push(section(piece));
  }
  if (reply.table && reply.table.rows.length > 0) {
    const lines = reply.table.rows.map((row) => tableLine(row, reply.table?.columns ?? []));
    for (const piece of splitText(lines.join('\n'), SLACK_LIMITS.sectionText)) blocks.push(section(piece));
  }
  return blocks;
}

function tableLine(row: OwnerRow, columns: string[]): string {
  const cells = row.cells.map((cell, i) => {
    const heading = columns.length > 1 && columns[i] ? `${escapeMrkdwn(columns[i])}: ` : '';
    const note = cell.note ? ` (${escapeMrkdwn(cell.note)})` : '';
    return `${heading}${ownerBadge(cell.owner)}${note}`;
  });
  return `• *${escapeMrkdwn(row.label)}* — ${cells.join('  ·  ')}`;
}

function ownerBadge(owner: Owner | null): string {
  return owner ? `${OWNER_EMOJI[owner]} ${OWNER_NAME[owner]}` : '—';
}

function tailBlocks(reply: Reply): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const links = reply.sources
    .map((source) => sourceLink(source.title, source.url))
    .filter((link): link is string => link !== undefined)
    .slice(0, SLACK_LIMITS.contextElements);
  if (links.length > 0) blocks.push(context(links));

  const suggestions = reply.suggestions.slice(0, 5).map((s) => `“${escapeMrkdwn(s.trim())}”`);
  if (suggestions.length > 0) {
    blocks.push(context([truncate(`${SLACK_STRINGS.suggestionsLabel}: ${suggestions.join('  ·  ')}`, 1000)]));
  }

  const usable = reply.actions.filter((a) => a.value.length <= SLACK_LIMITS.buttonValue);
  const choices = usable.filter((a) => !FEEDBACK_IDS.has(a.actionId)).slice(0, SLACK_LIMITS.buttonsPerBlock);
  const feedback = usable.filter((a) => FEEDBACK_IDS.has(a.actionId));
  if (choices.length > 0) blocks.push(actions('srm_actions', choices));
  if (feedback.length > 0) {
    blocks.push(context([SLACK_STRINGS.feedbackPrompt]));
    blocks.push(actions('srm_feedback', feedback));
  }
  return blocks;
}

/** Only http(s) links are rendered; `|` and `>` would break Slack's `<url|label>` syntax. */
function sourceLink(title: string, url: string): string | undefined {
  if (!/^https?:\/\/[^\s<>|]+$/i.test(url)) return undefined;
  const label = escapeMrkdwn(title.replace(/\|/g, '/').trim()) || escapeMrkdwn(url);
  return truncate(`${SLACK_STRINGS.sourcesLabel}: <${url.replace(/&/g, '&amp;')}|${label}>`, 1000);
}

function actions(blockId: string, list: ReplyAction[]): KnownBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: list.map((action, i) => ({
      type: 'button' as const,
      // Slack wants action ids unique within a block; the index is dropped again by baseActionId.
      action_id: `${action.actionId}${ACTION_ID_SEPARATOR}${i}`.slice(0, SLACK_LIMITS.idLength),
      text: { type: 'plain_text' as const, text: truncate(escapePlain(action.label), SLACK_LIMITS.buttonText), emoji: true },
      value: action.value,
      ...(action.style ? { style: action.style } : {}),
    })),
  };
}

function section(text: string): KnownBlock {
  // verbatim stops Slack from auto-linking names and parsing bare mentions in echoed text.
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

function context(texts: string[]): KnownBlock {
  return { type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn' as const, text, verbatim: true })) };
}

function size(blocks: KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}
