/**
 * Every string the widget shows, in English: the catalogue the other languages translate (each
 * in its own file, loaded only when chosen). Functions take what varies; plurals are chosen in
 * them, since languages differ in how. Error texts are keyed by the server's error codes.
 *
 * The server's notices (someone joined, the queue banner) arrive as a code plus parameters with
 * their English `text`; English shows that text, and every other catalogue words the notice
 * itself (`notices`, one function per code, from `@baton/shared/notices`).
 */
import type { NoticeTexts } from '@baton/shared/notices';

export const en = {
  /** Text direction of the language. */
  dir: 'ltr' as 'ltr' | 'rtl',
  title: 'Chat with us',
  panel: 'Chat',
  open: 'Open chat',
  close: 'Close chat',
  openUnread: (n: number) => `Open chat, ${n} new ${n === 1 ? 'message' : 'messages'}`,
  unread: (n: number) => `${n} new ${n === 1 ? 'message' : 'messages'} in the chat`,
  connecting: 'Connecting…',
  offline: 'Connection lost — reconnecting…',
  unavailable: 'Chat is unavailable right now.',
  resumeExpired: 'That chat link has expired, so this is a new chat. Our reply is in your email.',
  greeting: 'Ask us anything. A person is always one click away.',
  conversation: 'Conversation',
  you: 'You',
  assistant: 'Assistant',
  agent: 'Agent',
  sending: 'Sending…',
  notSent: 'Not sent:',
  retry: 'Retry',
  message: 'Message',
  placeholder: 'Type a message…',
  send: 'Send',
  sendMessage: 'Send message',
  human: 'Talk to a human',
  waiting: 'Waiting for a person…',
  waitingHint: 'Press to check your place in the queue again',
  /** Under the customer's latest message while nobody has joined yet (said once, not per message). */
  queuedNote: 'A person will read this when they join.',
  typing: (name: string) => `${name} is typing…`,
  attach: 'Attach a file',
  attachHint: 'Images or PDF, up to 10 MB',
  openFile: (name: string) => `Open ${name}`,
  email: 'Your email',
  emailSaved: 'Email saved.',
  transcriptOpen: 'Email me this chat',
  transcriptLabel: 'Send a copy of this chat to',
  transcriptSent: (to: string) => `A copy of this chat is on its way to ${to}.`,
  csatQuestion: 'How did we do?',
  /** The five choices' accessible names, 1 to 5; the ends of the scale are the first and last. */
  csatChoices: [
    '1 of 5, very poor',
    '2 of 5, poor',
    '3 of 5, okay',
    '4 of 5, good',
    '5 of 5, excellent',
  ],
  csatLow: 'Very poor',
  csatHigh: 'Excellent',
  csatComment: 'Anything you want to add? (optional)',
  csatSend: 'Send rating',
  csatChange: 'Change rating',
  csatThanks: (rating: number, replaced: boolean) =>
    replaced
      ? `Thanks — we updated your rating to ${rating} of 5.`
      : `Thanks for your feedback! You rated us ${rating} of 5.`,
  /** What went wrong, by error code; `other` for codes not listed. */
  errors: {
    TIMEOUT: 'No answer from the server. Check your connection and try again.',
    RATE_LIMITED: 'Too many tries just now. Please wait a few seconds and try again.',
    UNAVAILABLE: 'We could not do that just now. Please try again.',
    INVALID_PAYLOAD: 'That could not be accepted. Please check it and try again.',
    NOT_QUEUED: 'You are no longer waiting in a queue.',
    CONVERSATION_CLOSED: 'This chat has ended. Write again to start a new one.',
    UNKNOWN_SITE: 'This chat is not set up for this website.',
    ORIGIN_NOT_ALLOWED: 'This chat is not set up for this website.',
    PAYLOAD_TOO_LARGE: 'That file is larger than 10 MB.',
    UNSUPPORTED_MEDIA_TYPE: 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.',
    other: 'Something went wrong. Please try again.',
  } as Record<string, string> & { other: string },
};

export type Strings = typeof en & { notices?: NoticeTexts };
