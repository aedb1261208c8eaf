import type { AttachmentRef } from '@baton/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ATTACH_TEXT } from '../attachments';
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
        aria-label={ATTACH_TEXT.attachLabel}
        title={ATTACH_TEXT.attachLabel}
        onClick={() => input.current?.click()}
      >
        {ATTACH_TEXT.attach}
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
        {ATTACH_TEXT.unavailable}: {file.name} ({loaded.error.code})
      </span>
    );
  }
  const url = loaded?.data;
  return file.mime === 'application/pdf' ? (
    <a class="baton-file" data-testid="baton-attachment" href={url} download={file.name}>
      {ATTACH_TEXT.pdf}: {file.name}
    </a>
  ) : (
    <img class="baton-file baton-image" data-testid="baton-attachment" src={url} alt={file.name} />
  );
}
