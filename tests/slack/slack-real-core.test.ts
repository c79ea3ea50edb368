import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { appMention, blockAction, slashCommand } from '../helpers/slack-payloads.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { captureResponseUrl, captureSlackApi, type CapturedCall } from '../helpers/slack-web-api.js';

type Button = { action_id: string; value: string; text: { text: string } };

const buttonsOf = (call: CapturedCall): Button[] =>
  (call.blocks as { type: string; elements?: Button[] }[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? []);

let server: SlackTestServer;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startSlackTestServer((store) =>
    createCore({ knowledge: loadTestKnowledge(), store, quizRevealMs: 60_000, random: () => 0.5 }),
  );
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('Slack adapter with the real core', () => {
  it('answers "who patches RDS?" in the mention thread with AWS as the owner', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(appMention('who patches RDS?', { ts: '1700000000.000100' }));
    await waitFor(() => posts.length === 1, 'chat.postMessage');
    const post = posts[0]!;
    expect(post.channel).toBe('C0001');
    expect(post.thread_ts).toBe('1700000000.000100');
    expect(post.text).toMatch(/AWS owns/);
    const blocks = JSON.stringify(post.blocks);
    expect(blocks).toContain(':cloud: *AWS*');
    expect(blocks).toContain('*What AWS does*');
    expect(blocks).toContain('*What you do*');
    expect(blocks).toContain('*Why*');
    expect(blocks).toMatch(/<https:\/\/[^|>]+\|[^>]+>/);
    const ids = buttonsOf(post).map((b) => b.action_id.split(':')[0]);
    expect(ids).toEqual(expect.arrayContaining([ACTION_IDS.showService, ACTION_IDS.feedbackUp, ACTION_IDS.feedbackDown]));
    expect(buttonsOf(post).find((b) => b.action_id.startsWith(ACTION_IDS.showService))?.text.text).toMatch(/RDS/);
  });

  it('answers /srm help through response_url in the channel', async () => {
    const responses = captureResponseUrl();
    await server.send(slashCommand('help'));
    await waitFor(() => responses.length === 1, 'response_url post');
    expect(responses[0]?.response_type).toBe('in_channel');
    expect((responses[0]?.text ?? '').length).toBeGreaterThan(20);
  });

  it('records 👍 from a rendered button and thanks the person privately, once for a double click', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(appMention('who patches RDS?', { eventId: 'EvREAL2' }));
    await waitFor(() => posts.length === 1, 'answer');
    const up = buttonsOf(posts[0]!).find((b) => b.action_id.startsWith(ACTION_IDS.feedbackUp))!;
    const responses = captureResponseUrl();
    const ephemerals = captureSlackApi('chat.postEphemeral');
    await server.send(blockAction(up.action_id, up.value, { actionTs: '1700000002.000001' }));
    await server.send(blockAction(up.action_id, up.value, { actionTs: '1700000002.000002' }));
    await waitFor(() => responses.length + ephemerals.length >= 1, 'thanks');
    await settle();
    const thanks = [...responses, ...ephemerals];
    expect(thanks).toHaveLength(1);
    expect(thanks[0]?.text).toMatch(/Thanks/);
  });

  it('answers a tampered button value with a private notice, not an answer', async () => {
    const responses = captureResponseUrl();
    const ephemerals = captureSlackApi('chat.postEphemeral');
    const posts = captureSlackApi('chat.postMessage');
    await server.send(blockAction(`${ACTION_IDS.showService}:0`, 's|no-such-service'));
    await waitFor(() => responses.length + ephemerals.length === 1, 'notice');
    expect(posts).toHaveLength(0);
    expect([...responses, ...ephemerals][0]?.text).toMatch(/button/i);
  });

  it('never lets an echoed <!channel> through', async () => {
    const posts = captureSlackApi('chat.postMessage');
    await server.send(appMention('who patches <!channel> <!here> RDS?', { eventId: 'EvREAL3' }));
    await waitFor(() => posts.length === 1, 'answer');
    const outgoing = JSON.stringify(posts[0]);
    expect(outgoing).not.toContain('<!channel>');
    expect(outgoing).not.toContain('<!here>');
  });

  it('starts a quiz with /srm quiz: posts the header, then the question in its thread', async () => {
    const posts = captureSlackApi('chat.postMessage', { ts: '1700000500.000100' });
    await server.send(slashCommand('quiz'));
    await waitFor(() => posts.length === 2, 'quiz header and first question');
    expect(posts[0]?.thread_ts).toBeUndefined();
    expect(posts[1]?.thread_ts).toBe('1700000500.000100');
    const answers = buttonsOf(posts[1]!).filter((b) => b.action_id.startsWith(ACTION_IDS.quizAnswer));
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(answers.map((b) => b.action_id)).size).toBe(answers.length);
  });
});
