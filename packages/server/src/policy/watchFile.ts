import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';

export interface FileWatch {
  close(): void;
}

/**
 * Calls `onChange` once things settle (debounced) after anything changes in the file's
 * directory. Watching the directory rather than the file survives editors that save by writing
 * a new file and renaming it over the old one (a watch on the old inode would go silent) and
 * Kubernetes ConfigMaps that swap a symlink; `onChange` compares contents, so spurious events
 * cost one read.
 */
export function watchFile(
  path: string,
  onChange: () => void,
  options: { debounceMs?: number; onError?: (err: unknown) => void } = {},
): FileWatch {
  const debounceMs = options.debounceMs ?? 100;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dirname(path), { persistent: false }, () => {
      if (closed) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!closed) onChange();
      }, debounceMs);
    });
    watcher.on('error', (err) => options.onError?.(err));
  } catch (err) {
    options.onError?.(err);
  }
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
