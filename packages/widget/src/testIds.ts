/** Stable `data-testid` values for end-to-end tests (messages also carry `data-role`). */
export const TEST_IDS = {
  launcher: 'baton-launcher',
  panel: 'baton-panel',
  transcript: 'baton-transcript',
  message: 'baton-message',
  input: 'baton-input',
  send: 'baton-send',
  human: 'baton-human',
  queueBanner: 'baton-queue-banner',
  emailInput: 'baton-email-input',
  emailSubmit: 'baton-email-submit',
  retry: 'baton-retry',
  emailLeft: 'baton-email-left',
  connection: 'baton-connection',
} as const;
