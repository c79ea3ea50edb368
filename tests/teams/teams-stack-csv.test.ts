import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { TEAMS_STRINGS } from '../../adapters/teams/teams-strings.js';
import { stackChecklist } from '../../src/answers/compose-stack.js';
import { ACTION_IDS } from '../../src/model/reply-model.js';
import { loadTestKnowledge } from '../helpers/knowledge.js';
import { otherInvoke, personalMessage, submitAction, type TestActivity } from '../helpers/teams-activities.js';
import { postActivity } from '../helpers/teams-server.js';
import { useTeamsWithRealCore } from '../helpers/teams-real-core.js';

const knowledge = loadTestKnowledge();
const ONEDRIVE = 'https://onedrive.example.test';

/** The person's answer to a file consent card, as Teams sends it (an invoke). */
function fileConsent(action: 'accept' | 'decline', fileKey: string, uploadUrl = `${ONEDRIVE}/upload/srm-stack.csv`, id = 'FC0001'): TestActivity {
  return {
    ...otherInvoke('fileConsent/invoke', id),
    value: {
      type: 'fileUpload',
      action,
      context: { fileKey },
      ...(action === 'accept'
        ? { uploadInfo: { name: 'srm-stack.csv', uploadUrl, contentUrl: `${ONEDRIVE}/files/srm-stack.csv`, uniqueId: 'UNIQUE-1', fileType: 'csv' } }
        : {}),
    },
  };
}

describe('Teams: the stack checklist as a CSV file card', () => {
  const t = useTeamsWithRealCore();

  it('offers the file with a consent card in the personal chat, uploads it when accepted, and shows its file card', async () => {
    await postActivity(t.server.url, personalMessage('stack ec2 s3'));
    expect(JSON.stringify(t.connector.calls[0]?.body)).toContain('x|ec2,s3');

    await postActivity(t.server.url, submitAction(ACTION_IDS.download, 'x|ec2,s3', 'personal', 'S0101'));
    const consent = t.connector.calls[1]?.body.attachments?.[0];
    expect(consent?.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(consent?.name).toBe('srm-stack.csv');
    const fileKey: string = consent.content.acceptContext.fileKey;
    expect(consent.content.declineContext.fileKey).toBe(fileKey);
    expect(consent.content.sizeInBytes).toBeGreaterThan(100);

    const uploads: { headers: Record<string, string | string[]>; body: string }[] = [];
    nock(ONEDRIVE)
      .put('/upload/srm-stack.csv')
      .reply(function (_uri, body) {
        uploads.push({ headers: this.req.headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
        return [201, {}];
      });
    const answered = await postActivity(t.server.url, fileConsent('accept', fileKey));
    expect(answered.status).toBe(200);

    expect(uploads).toHaveLength(1);
    const lines = uploads[0]!.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('service,concern,duty,owner,condition,inside_owner,source');
    expect(lines).toHaveLength(stackChecklist(knowledge, ['ec2', 's3']).length + 1);
    expect(uploads[0]!.headers['content-range']).toBe(`bytes 0-${consent.content.sizeInBytes - 1}/${consent.content.sizeInBytes}`);
    const card = t.connector.calls[2]?.body.attachments?.[0];
    expect(card).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      contentUrl: `${ONEDRIVE}/files/srm-stack.csv`,
      name: 'srm-stack.csv',
      content: { uniqueId: 'UNIQUE-1', fileType: 'csv' },
    });
  });

  it('sends nothing when the person declines, and says so', async () => {
    await postActivity(t.server.url, submitAction(ACTION_IDS.download, 'x|rds', 'personal', 'S0102'));
    const fileKey: string = t.connector.calls[0]?.body.attachments[0].content.acceptContext.fileKey;
    const answered = await postActivity(t.server.url, fileConsent('decline', fileKey, undefined, 'FC0002'));
    expect(answered.status).toBe(200);
    expect(t.connector.calls[1]?.body.text).toBe(TEAMS_STRINGS.fileDeclined);
  });

  it('never uploads to a non-https URL or for a file it did not offer', async () => {
    const plain = await postActivity(t.server.url, fileConsent('accept', 'aaaaaaaa-1111', 'http://169.254.169.254/latest', 'FC0003'));
    expect(plain.status).toBe(200);
    expect(t.connector.calls).toHaveLength(0);

    const unknown = await postActivity(t.server.url, fileConsent('accept', 'bbbbbbbb-2222', undefined, 'FC0004'));
    expect(unknown.status).toBe(200);
    expect(t.connector.calls[0]?.body.text).toBe(TEAMS_STRINGS.fileGone);
  });

  it('points to the personal chat when Download CSV is pressed in a channel', async () => {
    await postActivity(t.server.url, submitAction(ACTION_IDS.download, 'x|ec2'));
    expect(t.connector.calls).toHaveLength(1);
    expect(JSON.stringify(t.connector.calls[0]?.body)).toContain('personal chat');
    expect(JSON.stringify(t.connector.calls[0]?.body)).not.toContain('file.consent');
  });
});
