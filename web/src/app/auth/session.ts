import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** The tokens the server's /auth endpoints answer with. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface StoredSession extends Tokens {
  expiresAt: number;
  username: string;
}

const STORAGE_KEY = 'chatql.session';

/** Refreshes the access token this long before it expires. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The signed-in user: signs up, in and out against the server's built-in identity, keeps the tokens
 * across reloads, and hands out an access token that is refreshed before it expires.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);

  private readonly stored = signal<StoredSession | null>(read());

  private refreshing: Promise<string | null> | null = null;

  readonly signedIn = computed(() => this.stored() !== null);

  readonly username = computed(() => this.stored()?.username ?? '');

  /** The signed-in user's id, the subject of the access token. */
  readonly userId = computed(() => {
    const session = this.stored();
    return session ? subjectOf(session.accessToken) : '';
  });

  /** Whether the signed-in user administers the server: the token's roles say so. */
  readonly admin = computed(() => {
    const session = this.stored();
    return session ? rolesOf(session.accessToken).includes('admin') : false;
  });

  async signUp(username: string, email: string, password: string): Promise<{ confirmed: boolean }> {
    return this.post<{ userId: string; confirmed: boolean }>('/auth/sign-up', {
      username,
      email,
      password,
    });
  }

  /** Confirms a new account with the code the server sent by e-mail. */
  async confirmSignUp(username: string, code: string): Promise<void> {
    await this.post('/auth/confirm-sign-up', { username, code });
  }

  /** Asks the server to send a new confirmation code. */
  async resendConfirmation(username: string): Promise<void> {
    await this.post('/auth/resend-confirmation', { username });
  }

  async signIn(username: string, password: string): Promise<void> {
    const tokens = await this.post<Tokens>('/auth/sign-in', { username, password });
    this.keep(tokens, username);
  }

  async signOut(): Promise<void> {
    const session = this.stored();
    this.forget();
    if (session) {
      await this.post('/auth/sign-out', { refreshToken: session.refreshToken }).catch(
        () => undefined,
      );
    }
  }

  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = this.stored();
    if (!session) {
      return null;
    }
    if (Date.now() < session.expiresAt - REFRESH_MARGIN_MS) {
      return session.accessToken;
    }
    this.refreshing ??= this.refresh(session).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refresh(session: StoredSession): Promise<string | null> {
    try {
      const tokens = await this.post<Tokens>('/auth/refresh', {
        refreshToken: session.refreshToken,
      });
      this.keep(tokens, session.username);
      return tokens.accessToken;
    } catch (error) {
      if (error instanceof AuthError && error.status === 401) {
        this.forget();
        return null;
      }
      // Offline or the server is away: keep the session and try again later.
      return session.accessToken;
    }
  }

  private keep(tokens: Tokens, username: string): void {
    const session: StoredSession = {
      ...tokens,
      username,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.stored.set(session);
  }

  private forget(): void {
    localStorage.removeItem(STORAGE_KEY);
    this.stored.set(null);
  }

  private async post<T>(path: string, body: object): Promise<T> {
    try {
      return await firstValueFrom(this.http.post<T>(path, body));
    } catch (error) {
      throw AuthError.of(error);
    }
  }
}

/** An error of the identity endpoints, put in words for the user. */
export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The server's error code, such as {@code user_not_confirmed}; empty when it gave none. */
    readonly code = '',
  ) {
    super(message);
  }

  static of(error: unknown): AuthError {
    if (!(error instanceof HttpErrorResponse)) {
      return new AuthError(String(error), -1);
    }
    const code = typeof error.error?.error === 'string' ? error.error.error : '';
    if (error.status === 0) {
      return new AuthError('The server cannot be reached. Check your connection and try again.', 0);
    }
    if (error.status === 429) {
      const seconds = Number(error.headers.get('Retry-After'));
      const wait = seconds > 0 ? `in ${seconds} second${seconds === 1 ? '' : 's'}` : 'later';
      return new AuthError(`Too many attempts. Try again ${wait}.`, 429, code);
    }
    if (error.status >= 500) {
      return new AuthError('The server could not answer. Try again in a moment.', error.status);
    }
    const message = typeof error.error?.message === 'string' ? error.error.message : error.message;
    return new AuthError(sentence(message), error.status, code);
  }
}

/** The server's messages start in lower case and end without a full stop. */
function sentence(message: string): string {
  const text = message.trim();
  if (!text) {
    return 'Something went wrong. Try again.';
  }
  const capitalised = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function read(): StoredSession | null {
  try {
    const text = localStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as StoredSession) : null;
  } catch {
    return null;
  }
}

/** The {@code sub} claim of a JWT, read without verifying it: the server verifies every request. */
export function subjectOf(jwt: string): string {
  const sub = claimsOf(jwt)['sub'];
  return typeof sub === 'string' ? sub : '';
}

/** The {@code roles} claim of a JWT, such as {@code ['user', 'admin']}. */
export function rolesOf(jwt: string): string[] {
  const roles = claimsOf(jwt)['roles'];
  return Array.isArray(roles) ? roles.filter((role) => typeof role === 'string') : [];
}

function claimsOf(jwt: string): Record<string, unknown> {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)) ?? {};
  } catch {
    return {};
  }
}
