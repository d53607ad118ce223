import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { AuthError, Session } from './session';

@Component({
  selector: 'app-sign-in',
  imports: [FormsModule, RouterLink],
  template: `
    <form class="card" (ngSubmit)="signIn()">
      <h1>Sign in</h1>
      <label
        >Username <input name="username" [(ngModel)]="username" autocomplete="username" required
      /></label>
      <label
        >Password
        <input
          name="password"
          type="password"
          [(ngModel)]="password"
          autocomplete="current-password"
          required
      /></label>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <button type="submit" [disabled]="busy()">Sign in</button>
      <p>New here? <a routerLink="/sign-up">Create an account</a></p>
    </form>
  `,
})
export class SignInPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  username = '';
  password = '';
  readonly error = signal('');
  readonly busy = signal(false);

  async signIn(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      await this.session.signIn(this.username.trim(), this.password);
      await this.router.navigateByUrl('/chat');
    } catch (error) {
      this.error.set(
        error instanceof AuthError && error.status === 401
          ? 'Wrong username or password.'
          : String((error as Error).message),
      );
    } finally {
      this.busy.set(false);
    }
  }
}
