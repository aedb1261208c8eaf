import { useState } from 'preact/hooks';
import type { ConsoleState, Notice } from '../state/consoleStore';
import { Banner } from './Banner';
import { useStore } from './storeContext';

export function LoginScreen({ state }: { state: ConsoleState }) {
  const store = useStore();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<Notice | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setLocalError({ id: -1, tone: 'error', message: 'Enter your email and password.' });
      return;
    }
    setLocalError(null);
    void store.login(email, password);
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} noValidate>
        <div class="login-brand">
          <span class="logo" aria-hidden="true">
            B
          </span>
          <div>
            <h1>Baton</h1>
            <p class="muted">Agent console</p>
          </div>
        </div>
        <Banner
          notice={localError ?? state.notice}
          onDismiss={() => (localError ? setLocalError(null) : store.dismissNotice())}
        />
        <label class="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            data-testid="login-email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
            autoFocus
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            data-testid="login-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button
          type="submit"
          class="btn btn-primary btn-block"
          data-testid="login-submit"
          disabled={state.loginPending}
        >
          {state.loginPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
