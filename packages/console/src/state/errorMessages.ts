import type { ClientError } from '../connection/result';

export const ALREADY_CLAIMED_MESSAGE = 'Already claimed by another agent';

/** What the agent reads when a request fails: plain words first, the server's detail kept. */
export function describeError(error: ClientError): string {
  switch (error.code) {
    case 'ALREADY_CLAIMED':
      return ALREADY_CLAIMED_MESSAGE;
    case 'NOT_ASSIGNED':
      return 'You are not the owner of this conversation. Claim it first.';
    case 'FORBIDDEN':
      return "You are not a member of this conversation's queue.";
    case 'NOT_FOUND':
      return 'This conversation no longer exists.';
    case 'AT_CAPACITY':
      return 'You already have as many open conversations as your capacity allows. Resolve one first.';
    case 'NOT_QUEUED':
      return 'This conversation is no longer waiting in a queue.';
    case 'CONVERSATION_CLOSED':
      return 'This conversation is already resolved.';
    case 'RATE_LIMITED':
      return 'Too many actions in a short time. Wait a moment and try again.';
    case 'UNAUTHORIZED':
      return 'Your session has expired. Sign in again.';
    case 'TIMEOUT':
      return 'The server did not answer in time. Check the connection and try again.';
    case 'NETWORK':
      return error.message;
    case 'INVALID_PAYLOAD':
      return `The server rejected the request: ${error.message}`;
    case 'INTERNAL':
      return 'The server had an unexpected problem. Try again.';
    default:
      return error.message;
  }
}

/** Login has its own wording: a 401 there means wrong credentials, not an expired session. */
export function describeLoginError(error: ClientError): string {
  if (error.code === 'UNAUTHORIZED') return 'Wrong email or password.';
  if (error.code === 'INVALID_PAYLOAD') return 'Enter a valid email address and a password.';
  return describeError(error);
}
