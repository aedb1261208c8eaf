import type { Offer, SlaAlert } from '@baton/shared';
import { describeOffer } from '../state/offers';
import { describeAlert } from '../state/slaAlerts';

/**
 * The sound and the desktop notification of an SLA alert. The sound is a short tone made with
 * Web Audio (no file to load); browsers allow it once the agent has interacted with the page.
 * The notification needs the permission the agent grants from the header's control.
 */
export function signalAlert(alert: SlaAlert): void {
  beep(alert.kind === 'breach' ? 2 : 1);
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const { title, body } = describeAlert(alert, Date.now());
    const shown = new Notification(title, { body, tag: alert.id });
    shown.onclick = () => window.focus();
  }
}

/** A conversation offered to the agent: two short tones and a notification, as for a breach. */
export function signalOffer(offer: Offer): void {
  beep(2);
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const { title, body } = describeOffer(offer, Date.now());
    const shown = new Notification(title, { body, tag: `offer:${offer.id}` });
    shown.onclick = () => window.focus();
  }
}

let audio: AudioContext | null = null;

function beep(times: number): void {
  try {
    audio ??= new AudioContext();
    for (let i = 0; i < times; i++) {
      const start = audio.currentTime + i * 0.25;
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.15, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.2);
      tone.connect(gain).connect(audio.destination);
      tone.start(start);
      tone.stop(start + 0.2);
    }
  } catch {
    // No audio (a locked-down browser): the banner still shows.
  }
}
