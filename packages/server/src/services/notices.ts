import { englishNotices, notice, type NoticeCode, type NoticeParams } from '@baton/shared';
import type { NewMessage } from '../storage';

/**
 * A system message from a notice: stored with its code and parameters (each client words it in
 * its reader's language) and its English text (the console, emails, older clients).
 */
export function systemMessage<C extends NoticeCode>(
  code: C,
  params: NoticeParams[C],
): Pick<NewMessage, 'role' | 'text' | 'notice'> {
  return {
    role: 'system',
    text: (englishNotices[code] as (p: NoticeParams[C]) => string)(params),
    notice: notice(code, params),
  };
}
