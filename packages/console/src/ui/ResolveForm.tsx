import { useId, useState } from 'preact/hooks';
import { OUTCOME_OPTIONS, ROOT_CAUSE_OPTIONS, USEFULNESS_SCORES } from '../state/labels';
import {
  emptyResolveDraft,
  MAX_NOTE_LENGTH,
  validateResolveDraft,
  type ResolveDraft,
  type ResolveErrors,
} from '../state/resolveDraft';
import type { ResolveOutcome } from '../state/consoleStore';

interface ResolveFormProps {
  resolving: boolean;
  onResolve: (outcome: ResolveOutcome) => void;
}

/** The feedback loop: was the escalation needed, why, and was the packet useful. */
export function ResolveForm({ resolving, onResolve }: ResolveFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<ResolveDraft>(emptyResolveDraft);
  const [errors, setErrors] = useState<ResolveErrors>({});
  const set = (patch: Partial<ResolveDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof ResolveDraft];
      return next;
    });
  };

  return (
    <form
      class="card resolve"
      data-testid="resolve-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const result = validateResolveDraft(draft);
        if (result.ok) onResolve(result.outcome);
        else setErrors(result.errors);
      }}
    >
      <header class="card-head">
        <h2>Resolve</h2>
        <span class="muted small">Your answers tune the escalation policy.</span>
      </header>

      <fieldset class="field-group">
        <legend>Was the escalation…</legend>
        <div class="choices">
          {OUTCOME_OPTIONS.map((option) => (
            <label key={option.value} class="choice">
              <input
                type="radio"
                name={`${id}-escalation`}
                value={option.value}
                data-testid={`resolve-escalation-${option.value}`}
                checked={draft.escalation === option.value}
                onChange={() => set({ escalation: option.value })}
              />
              <span>
                <strong>{option.label}</strong>
                <small class="muted"> {option.hint}</small>
              </span>
            </label>
          ))}
        </div>
        {errors.escalation && <p class="field-error">{errors.escalation}</p>}
      </fieldset>

      <label class="field">
        <span>Root cause</span>
        <select
          data-testid="resolve-root-cause"
          value={draft.rootCause ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            const option = ROOT_CAUSE_OPTIONS.find((o) => o.value === value);
            set({ rootCause: option?.value ?? null });
          }}
        >
          <option value="" disabled>
            Choose…
          </option>
          {ROOT_CAUSE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {errors.rootCause && <p class="field-error">{errors.rootCause}</p>}
      </label>

      <fieldset class="field-group">
        <legend>How useful was the packet? (1 = not at all, 5 = had everything)</legend>
        <div class="scale">
          {USEFULNESS_SCORES.map((score) => (
            <label key={score} class="scale-step">
              <input
                type="radio"
                name={`${id}-usefulness`}
                value={score}
                data-testid={`resolve-usefulness-${score}`}
                checked={draft.packetUsefulness === score}
                onChange={() => set({ packetUsefulness: score })}
              />
              <span>{score}</span>
            </label>
          ))}
        </div>
        {errors.packetUsefulness && <p class="field-error">{errors.packetUsefulness}</p>}
      </fieldset>

      <label class="field">
        <span>Note (optional)</span>
        <textarea
          data-testid="resolve-note"
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          value={draft.note}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
        {errors.note && <p class="field-error">{errors.note}</p>}
      </label>

      <button
        type="submit"
        class="btn btn-primary"
        data-testid="resolve-submit"
        disabled={resolving}
      >
        {resolving ? 'Resolving…' : 'Resolve conversation'}
      </button>
    </form>
  );
}
