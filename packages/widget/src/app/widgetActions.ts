/**
 * What the UI and the storefront can ask of the widget. Opening and closing live here because
 * both the launcher and `Baton('open')` do it, and the loader must resize the iframe either way.
 */
import type { LoaderToFrame } from '../protocol/envelope';
import type { ParentBridge } from './bridge/parentBridge';
import { toContextPayload, toIdentifyPayload } from './bridge/commandPayloads';
import type { ChatClient } from './connection/chatClient';
import { editCsat, reopenCsat } from './state/csat';
import type { Store } from './state/store';
import type { WidgetState } from './state/widgetState';

export interface WidgetActions {
  setOpen(open: boolean): void;
  send(text: string): void;
  /** The composer changed (`hasText`) or lost the focus (`false`): the typing indicator. */
  typing(hasText: boolean): void;
  /** Uploads a file and sends it. */
  attach(file: File): void;
  fileUrl: ChatClient['fileUrl'];
  retry(clientId: string): void;
  requestHuman(): void;
  leaveEmail(email: string): void;
  emailTranscript(email?: string): void;
  /** The rating prompt: choose, comment, send, and "Change rating" after the thank-you. */
  rate(rating: number): void;
  setCsatComment(comment: string): void;
  sendCsat(): void;
  changeCsat(): void;
}

export function createWidgetActions(
  store: Store<WidgetState>,
  client: ChatClient,
  bridge: ParentBridge,
  /** Applies a `Baton('boot', config)` from the page (look and language). */
  configure: (config: unknown) => void = () => undefined,
): WidgetActions & { command(type: keyof LoaderToFrame, payload: unknown): void } {
  const actions: WidgetActions = {
    setOpen(open) {
      if (store.get().open === open) return;
      store.update((s) => ({ ...s, open, unread: open ? 0 : s.unread }));
      bridge.post(open ? 'open' : 'close', undefined);
    },
    send: (text) => client.send(text),
    typing: (hasText) => client.typing(hasText),
    attach: (file) => client.sendFile(file),
    fileUrl: (id) => client.fileUrl(id),
    retry: (clientId) => client.retry(clientId),
    requestHuman: () => client.requestHuman(),
    leaveEmail: (email) => client.leaveEmail(email),
    emailTranscript: (email) => client.emailTranscript(email),
    rate: (rating) => store.update((s) => ({ ...s, csat: editCsat(s.csat, { rating }) })),
    setCsatComment: (comment) =>
      store.update((s) => ({ ...s, csat: editCsat(s.csat, { comment }) })),
    sendCsat: () => client.submitCsat(),
    changeCsat: () => store.update((s) => ({ ...s, csat: reopenCsat(s.csat) })),
  };

  function command(type: keyof LoaderToFrame, payload: unknown): void {
    switch (type) {
      case 'open':
      case 'close':
        actions.setOpen(type === 'open');
        break;
      case 'requestHuman':
        actions.requestHuman();
        break;
      case 'boot':
        configure(payload);
        break;
      case 'identify': {
        const identify = toIdentifyPayload(payload);
        if (identify) client.identify(identify);
        else console.error("[Baton] Baton('identify', { id, name, email }) needs an object");
        break;
      }
      case 'setContext': {
        const context = toContextPayload(payload);
        if (context) client.setContext(context);
        else console.error("[Baton] Baton('setContext', context) needs an object");
        break;
      }
    }
  }

  return { ...actions, command };
}
