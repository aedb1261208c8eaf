import type { QueueStatus } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { humanButtonLabel } from './HumanButton';

const status = (state: QueueStatus['state']) => ({ state }) as QueueStatus;

describe('the Talk to a human button', () => {
  it('says the request was made while the customer waits, and asks otherwise', () => {
    expect(humanButtonLabel(null)).toBe('Talk to a human');
    expect(humanButtonLabel(status('bot'))).toBe('Talk to a human');
    expect(humanButtonLabel(status('queued'))).toBe('Waiting for a person…');
    expect(humanButtonLabel(status('resolved'))).toBe('Talk to a human');
  });
});
