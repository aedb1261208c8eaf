import type { Offer } from '@baton/shared';

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  pt: 'Portuguese',
  it: 'Italian',
  nl: 'Dutch',
};

/** What an offer card says, and the whole seconds left to answer it (never below 0). */
export function describeOffer(
  offer: Offer,
  now: number,
): { title: string; body: string; secondsLeft: number } {
  const who = offer.customerName ?? 'A customer';
  const language = offer.language ? (LANGUAGE_NAMES[offer.language] ?? offer.language) : null;
  const parts = [
    `${offer.queueName}, tier ${offer.tier}`,
    ...(language ? [`writes in ${language}`] : []),
    ...(offer.summary ? [offer.summary] : []),
  ];
  return {
    title: `${who} is offered to you.`,
    body: parts.join(' · '),
    // Never more than the offer's whole time (the browser's clock may run behind the server's).
    secondsLeft: Math.max(
      0,
      Math.min(
        Math.round((Date.parse(offer.expiresAt) - Date.parse(offer.offeredAt)) / 1000),
        Math.ceil((Date.parse(offer.expiresAt) - now) / 1000),
      ),
    ),
  };
}
