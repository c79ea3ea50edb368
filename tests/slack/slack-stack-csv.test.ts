import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stackChecklist } from '../../src/answers/compose-stack.js';
import { createCore } from '../../src/core/create-core.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { blockAction, SLACK_API_ORIGIN, SLACK_IDS, slashCommand } from '../helpers/slack-payloads.js';
import { settle, startSlackTestServer, waitFor, type SlackTestServer } from '../helpers/slack-server.js';
import { captureResponseUrl, captureSlackApi } from '../helpers/slack-web-api.js';

const knowledge = loadTestKnowledge();
const UPLOAD_ORIGIN = 'https://files.slack.test';

let server: SlackTestServer;

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  server = await startSlackTestServer((store) => createCore({ knowledge, store }));
});

afterEach(async () => {
  await server.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Slack's three-step external upload: get a URL, send the bytes there, complete it into a channel. */
function captureUpload() {
  const asked = captureSlackApi('files.getUploadURLExternal', { upload_url: `${UPLOAD_ORIGIN}/upload/v1/F0001`, file_id: 'F0001' });
  const uploaded: string[] = [];
  nock(UPLOAD_ORIGIN)
    .persist()
    .post('/upload/v1/F0001')
    .reply((_uri, body) => {
      uploaded.push(typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body));
      return [200, 'OK - 1234'];
    });
  const completed = captureSlackApi('files.completeUploadExternal', { files: [{ id: 'F0001', title: 'srm-stack.csv' }] });
  return { asked, uploaded, completed };
}

/** The file inside a multipart/form-data body (Slack's upload URL takes the bytes as a form file). */
function filePart(body: string): string {
  const boundary = body.slice(0, body.indexOf('\r\n'));
  const start = body.indexOf('\r\n\r\n') + 4;
  return body.slice(start, body.indexOf(`\r\n${boundary}`, start));
}

describe('Slack: the stack checklist as a CSV file', () => {
  it('puts a Download CSV button on the checklist a slash command returns', async () => {
    const responses = captureResponseUrl();
    await server.send(slashCommand('stack ec2 s3'));
    await waitFor(() => responses.length === 1, 'checklist reply');
    expect(JSON.stringify(responses[0]?.blocks)).toContain('"value":"x|ec2,s3"');
  });

  it('uploads the CSV into the thread it was asked in when the button is pressed', async () => {
    const upload = captureUpload();
    const response = await server.send(blockAction(ACTION_IDS.download, 'x|ec2,s3', { threadTs: '1700000000.000100' }));
    expect(response.status).toBe(200);
    await waitFor(() => upload.completed.length === 1, 'upload completed');

    expect(upload.asked[0]?.filename).toBe('srm-stack.csv');
    const csv = filePart(upload.uploaded.join(''));
    expect(csv.split('\r\n')[0]).toBe('service,concern,duty,owner,condition,inside_owner,source');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(stackChecklist(knowledge, ['ec2', 's3']).length + 1);
    const done = upload.completed[0]!;
    expect(done.channel_id).toBe(SLACK_IDS.channel);
    expect(done.thread_ts).toBe('1700000000.000100');
    expect(String(done.initial_comment)).toContain('Amazon EC2 and Amazon S3');
  });

  it('sends no file for a tampered value, only a private notice', async () => {
    const upload = captureUpload();
    const responses = captureResponseUrl();
    await server.send(blockAction(ACTION_IDS.download, 'x|../../etc/passwd'));
    await waitFor(() => responses.length === 1, 'stale-button notice');
    expect(responses[0]?.response_type).toBe('ephemeral');
    await settle(100);
    expect(upload.asked).toHaveLength(0);
  });
});
