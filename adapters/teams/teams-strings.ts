/** User- and operator-facing wording of the Teams adapter, in one place so tests can refer to it. */
export const TEAMS_STRINGS = {
  apology: "Sorry, something went wrong on my side while answering that. Please try again in a moment.",
  actionDone: 'Got it.',
  filesInPersonalChat:
    'Teams lets me send files only in our personal chat: open a chat with me, send the same `stack …` there and press Download CSV.',
  fileGone: 'That file is no longer waiting (offers last an hour). Press Download CSV again.',
  fileDeclined: 'No file sent.',
  fileSent: 'Here is your file.',
  ownerLabel: 'Owner',
  serviceLabel: 'Service',
  concernLabel: 'Concern',
  sourcePrefix: 'Source',
  openSource: 'Open the AWS documentation',
  tryAsking: 'Try asking',
  localModeWarning:
    'Teams adapter running in LOCAL UNAUTHENTICATED mode (TEAMS_ALLOW_UNAUTHENTICATED=true): /api/messages accepts ' +
    'requests without a Bot Framework token and replies only to loopback serviceUrls. Use this only on a laptop; never in production.',
} as const;
