import type { Ref } from 'preact';
import { t } from '../i18n';

export function Launcher(props: {
  open: boolean;
  unread: number;
  /** The store's label beside the icon, while closed. */
  text?: string | undefined;
  onToggle: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { open, unread } = props;
  const label = open ? t.close : unread > 0 ? t.openUnread(unread) : t.open;
  const text = open ? undefined : props.text;
  return (
    <button
      ref={props.buttonRef}
      type="button"
      class={text ? 'baton-launcher baton-launcher-label' : 'baton-launcher'}
      data-testid="baton-launcher"
      // The visible words start the accessible name (WCAG 2.5.3, label in name).
      aria-label={text ? `${text} — ${label}` : label}
      aria-expanded={open}
      aria-controls="baton-panel"
      onClick={props.onToggle}
    >
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
        {open ? (
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" fill="none" />
        ) : (
          <path
            d="M4 5h16v11H9l-5 4z"
            stroke="currentColor"
            stroke-width="2"
            stroke-linejoin="round"
            fill="none"
          />
        )}
      </svg>
      {text}
      {!open && unread > 0 && (
        <span class="baton-badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </button>
  );
}
