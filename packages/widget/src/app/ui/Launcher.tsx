import type { Ref } from 'preact';

export function Launcher(props: {
  open: boolean;
  unread: number;
  onToggle: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const { open, unread } = props;
  const label = open
    ? 'Close chat'
    : unread > 0
      ? `Open chat, ${unread} new ${unread === 1 ? 'message' : 'messages'}`
      : 'Open chat';
  return (
    <button
      ref={props.buttonRef}
      type="button"
      class="baton-launcher"
      data-testid="baton-launcher"
      aria-label={label}
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
      {!open && unread > 0 && (
        <span class="baton-badge" aria-hidden="true">
          {unread}
        </span>
      )}
    </button>
  );
}
