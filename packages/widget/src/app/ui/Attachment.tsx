import type { AttachmentRef } from '@baton/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, t } from '../i18n';
import type { WidgetActions } from '../widgetActions';

/** The composer's Attach button: picks one image or PDF, which is uploaded and sent at once. */
export function AttachButton({ onAttach }: { onAttach: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*,application/pdf"
        hidden
        data-testid="baton-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onAttach(file);
        }}
      />
      <button
        type="button"
        class="baton-attach"
        data-testid="baton-attach"
        aria-label={t.attach}
        title={t.attachHint}
        onClick={() => input.current?.click()}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M20 11.5l-8.2 8.2a5 5 0 01-7.1-7.1l8.5-8.5a3.4 3.4 0 014.8 4.8l-8.5 8.5a1.7 1.7 0 01-2.4-2.4l7.8-7.8"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
            fill="none"
          />
        </svg>
      </button>
    </>
  );
}

/** An attachment in the transcript: the image itself, or a link that saves the PDF. */
export function AttachmentView(props: { file: AttachmentRef; fileUrl: WidgetActions['fileUrl'] }) {
  const { file } = props;
  const [loaded, setLoaded] = useState<Awaited<ReturnType<typeof props.fileUrl>> | null>(null);
  useEffect(() => {
    let live = true;
    void props.fileUrl(file.id).then((r) => live && setLoaded(r));
    return () => {
      live = false;
    };
  }, [file.id]);
  if (loaded && !loaded.ok) {
    return (
      <span class="baton-meta baton-error" role="alert">
        {file.name}: {errorText(loaded.error)} ({loaded.error.code})
      </span>
    );
  }
  const url = loaded?.data;
  return file.mime === 'application/pdf' ? (
    <a class="baton-file" data-testid="baton-attachment" href={url} download={file.name}>
      {t.openFile(file.name)}
    </a>
  ) : (
    <img class="baton-file baton-image" data-testid="baton-attachment" src={url} alt={file.name} />
  );
}
