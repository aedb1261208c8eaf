import type { VNode } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { CSAT_COMMENT_MAX, openCsat, type CsatState } from '../state/csat';
import { Csat, type CsatActions } from './Csat';

/**
 * The component is a pure function of the store's CsatState, so it is tested on the element
 * tree it returns (no DOM here); the Chromium test renders it for real.
 */
type El = VNode<Record<string, unknown> & { children?: unknown }>;

function elements(node: unknown): El[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!node || typeof node !== 'object' || !('props' in node)) return [];
  const el = node as El;
  return [el, ...elements(el.props.children)];
}

function text(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  if (!node || typeof node !== 'object' || !('props' in node)) return '';
  return text((node as El).props.children);
}

function render(csat: CsatState | null) {
  const actions: CsatActions = {
    rate: vi.fn(),
    setCsatComment: vi.fn(),
    sendCsat: vi.fn(),
    changeCsat: vi.fn(),
  };
  const tree = Csat({ csat, actions });
  const all = elements(tree);
  const byTestId = (id: string) => all.filter((e) => e.props['data-testid'] === id);
  return { tree, all, byTestId, actions };
}

const asked = (extra: Partial<CsatState> = {}): CsatState => ({ ...openCsat('c1', []), ...extra });

describe('Csat', () => {
  it('shows nothing until a person resolved the conversation', () => {
    expect(render(null).tree).toBeNull();
  });

  it('asks "How did we do?" with five labelled radios in a fieldset, and no Send yet', () => {
    const { all, byTestId } = render(asked());
    const fieldset = all.find((e) => e.type === 'fieldset')!;
    expect(text(elements(fieldset).find((e) => e.type === 'legend'))).toBe('How did we do?');
    const radios = byTestId('baton-csat-choice');
    expect(radios.map((r) => [r.props.type, r.props.name, r.props['aria-label']])).toEqual([
      ['radio', 'baton-csat-rating', '1 of 5, very poor'],
      ['radio', 'baton-csat-rating', '2 of 5, poor'],
      ['radio', 'baton-csat-rating', '3 of 5, okay'],
      ['radio', 'baton-csat-rating', '4 of 5, good'],
      ['radio', 'baton-csat-rating', '5 of 5, excellent'],
    ]);
    expect(radios.some((r) => r.props.checked)).toBe(false);
    expect(byTestId('baton-csat-submit')).toEqual([]);
    expect(byTestId('baton-csat-comment')).toEqual([]);
  });

  it('picks a rating with a radio, then offers the comment (schema max) and Send', () => {
    const first = render(asked());
    (first.byTestId('baton-csat-choice')[3]!.props.onChange as () => void)();
    expect(first.actions.rate).toHaveBeenCalledWith(4);

    const { all, byTestId, actions } = render(asked({ rating: 4, comment: 'Kind' }));
    expect(byTestId('baton-csat-choice').map((r) => r.props.checked)).toEqual([
      false,
      false,
      false,
      true,
      false,
    ]);
    const comment = byTestId('baton-csat-comment')[0]!;
    expect(comment.props).toMatchObject({ maxLength: CSAT_COMMENT_MAX, value: 'Kind' });
    const label = all.find((e) => e.type === 'label' && e.props.for === comment.props.id);
    expect(text(label)).toBe('Anything you want to add? (optional)');
    (comment.props.onInput as (e: unknown) => void)({ currentTarget: { value: 'Kind!' } });
    expect(actions.setCsatComment).toHaveBeenCalledWith('Kind!');

    const send = byTestId('baton-csat-submit')[0]!;
    expect(send.props).toMatchObject({ type: 'submit', 'aria-label': 'Send rating' });
    expect(text(send)).toBe('Send');
    const preventDefault = vi.fn();
    const form = all.find((e) => e.type === 'form')!;
    (form.props.onSubmit as (e: unknown) => void)({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(actions.sendCsat).toHaveBeenCalled();
  });

  it('keeps Send focusable while sending, and says so', () => {
    const send = render(asked({ rating: 4, pending: true })).byTestId('baton-csat-submit')[0]!;
    expect(send.props).toMatchObject({ 'aria-busy': true, 'aria-disabled': true });
    expect(send.props.disabled).toBeUndefined();
    expect(text(send)).toBe('Sending…');
  });

  it('shows the error inline as an alert, with the chosen rating still checked', () => {
    const { byTestId } = render(
      asked({ rating: 2, comment: 'Slow', error: { code: 'RATE_LIMITED', message: 'Slow down' } }),
    );
    const error = byTestId('baton-csat-error')[0]!;
    expect(error.props.role).toBe('alert');
    expect(text(error)).toBe(
      'Too many tries just now. Please wait a few seconds and try again. (RATE_LIMITED)',
    );
    expect(byTestId('baton-csat-choice')[1]!.props.checked).toBe(true);
    expect(byTestId('baton-csat-comment')[0]!.props.value).toBe('Slow');
    expect(byTestId('baton-csat-submit')).toHaveLength(1); // the customer can send again
  });

  it('thanks once stored and lets the customer change the rating', () => {
    const { byTestId, actions } = render(
      asked({ rating: 4, saved: { rating: 4, replaced: false } }),
    );
    const thanks = byTestId('baton-csat-thanks')[0]!;
    expect(thanks.props.role).toBe('status');
    expect(text(thanks)).toBe('Thanks for your feedback! You rated us 4 of 5.');
    expect(byTestId('baton-csat-choice')).toEqual([]);
    const change = byTestId('baton-csat-change')[0]!;
    expect(text(change)).toBe('Change rating');
    (change.props.onClick as () => void)();
    expect(actions.changeCsat).toHaveBeenCalled();
  });

  it('changing shows the form with the sent rating chosen and focused', () => {
    const { byTestId } = render(
      asked({ rating: 4, saved: { rating: 4, replaced: false }, editing: true }),
    );
    const radios = byTestId('baton-csat-choice');
    expect(radios[3]!.props.checked).toBe(true);
    const focus = vi.fn();
    (radios[3]!.ref as (el: unknown) => void)({ focus });
    expect(focus).toHaveBeenCalled();
    expect(radios.filter((r) => r.ref)).toHaveLength(1);
  });

  it('does not take the focus when it first appears (the customer may be typing)', () => {
    expect(
      render(asked())
        .byTestId('baton-csat-choice')
        .filter((r) => r.ref),
    ).toEqual([]);
  });
});
