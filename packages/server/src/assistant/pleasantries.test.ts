import { describe, expect, it } from 'vitest';
import { isPleasantry } from './pleasantries';

describe('isPleasantry', () => {
  it.each([
    'bet ty',
    'righto cheers',
    'Splendid. Good day to you.',
    'hiii',
    'ok got it',
    'k',
    'Lovely, thanks a million. God bless.',
  ])('a message of pleasantries only: %j', (text) => expect(isPleasantry(text)).toBe(true));

  it.each([
    'thanks, where is my order?',
    'help',
    'ok but the tent leaks',
    'hi can I talk to a person',
    'thanks for nothing, I want a refund',
    '',
    '🙂',
  ])('says something more: %j', (text) => expect(isPleasantry(text)).toBe(false));
});
