import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ConfirmCode } from './confirm-code';
import { AuthError, Session } from './session';

@Component({
  selector: 'app-sign-in',
  imports: [ConfirmCode, FormsModule, RouterLink],
  template: `
    @if (awaitingConfirmation()) {
      <app-confirm-code [username]="username.trim()" (confirmed)="signIn()" />
    } @else {
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
    }
  `,
})
export class SignInPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected username = '';
  protected password = '';
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly awaitingConfirmation = signal(false);

  protected async signIn(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.awaitingConfirmation.set(false);
    try {
      await this.session.signIn(this.username.trim(), this.password);
      await this.router.navigateByUrl('/chat');
    } catch (error) {
      if (error instanceof AuthError && error.code === 'user_not_confirmed') {
        this.awaitingConfirmation.set(true);
      } else if (error instanceof AuthError && error.status === 401) {
        this.error.set('Wrong username or password.');
      } else {
        this.error.set(error instanceof AuthError ? error.message : String(error));
      }
    } finally {
      this.busy.set(false);
    }
  }
}
