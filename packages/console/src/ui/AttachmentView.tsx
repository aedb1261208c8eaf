import type { AttachmentRef } from '@baton/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '../connection/result';

/** A thumbnail of an attached image, or a link that saves the PDF (fetched with the token). */
export function AttachmentView({
  file,
  load,
}: {
  file: AttachmentRef;
  load: (id: string) => Promise<Result<string>>;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void load(file.id).then((r) => {
      if (!live) return;
      if (r.ok) setUrl(r.data);
      else setError(`${r.error.message} (${r.error.code})`);
    });
    return () => {
      live = false;
    };
  }, [file.id]);
  const size = `${Math.max(1, Math.round(file.size / 1024))} KB`;
  if (error) {
    return (
      <p class="msg-attachment small" role="alert">
        {file.name}: {error}
      </p>
    );
  }
  if (file.mime === 'application/pdf') {
    return (
      <a
        class="msg-attachment"
        data-testid="transcript-attachment"
        href={url ?? undefined}
        download={file.name}
      >
        PDF: {file.name} ({size})
      </a>
    );
  }
  return (
    <a
      class="msg-attachment"
      href={url ?? undefined}
      target="_blank"
      rel="noopener"
      title={`${file.name} (${size})`}
    >
      <img
        class="msg-thumb"
        data-testid="transcript-attachment"
        src={url ?? undefined}
        alt={file.name}
      />
    </a>
  );
}

/** Picks one image or PDF for the reply; it is uploaded and sent at once. */
export function AttachButton({ onAttach }: { onAttach: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*,application/pdf"
        hidden
        data-testid="reply-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onAttach(file);
        }}
      />
      <button
        type="button"
        class="btn btn-ghost"
        data-testid="reply-attach"
        onClick={() => input.current?.click()}
      >
        Attach image or PDF
      </button>
    </>
  );
}
