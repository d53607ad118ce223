import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ConfirmCode } from './confirm-code';
import { AuthError, Session } from './session';

@Component({
  selector: 'app-sign-up',
  imports: [ConfirmCode, FormsModule, RouterLink],
  template: `
    @if (awaitingConfirmation()) {
      <app-confirm-code [username]="username.trim()" (confirmed)="signIn()" />
    } @else {
      <form class="card" (ngSubmit)="signUp()">
        <h1>Create an account</h1>
        <label
          >Username <input name="username" [(ngModel)]="username" autocomplete="username" required
        /></label>
        <label
          >E-mail
          <input name="email" type="email" [(ngModel)]="email" autocomplete="email" required
        /></label>
        <label
          >Password
          <input
            name="password"
            type="password"
            [(ngModel)]="password"
            autocomplete="new-password"
            required
        /></label>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <button type="submit" [disabled]="busy()">Sign up</button>
        <p>Have an account? <a routerLink="/sign-in">Sign in</a></p>
      </form>
    }
  `,
})
export class SignUpPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  protected username = '';
  protected email = '';
  protected password = '';
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly awaitingConfirmation = signal(false);

  protected async signUp(): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    try {
      const { confirmed } = await this.session.signUp(
        this.username.trim(),
        this.email.trim(),
        this.password,
      );
      if (!confirmed) {
        this.awaitingConfirmation.set(true);
        return;
      }
    } catch (error) {
      this.error.set(error instanceof AuthError ? error.message : String(error));
      return;
    } finally {
      this.busy.set(false);
    }
    await this.signIn();
  }

  /** Signs the new account in, once it is confirmed. */
  protected async signIn(): Promise<void> {
    try {
      await this.session.signIn(this.username.trim(), this.password);
      await this.router.navigateByUrl('/chat');
    } catch (error) {
      this.awaitingConfirmation.set(false);
      this.error.set(error instanceof AuthError ? error.message : String(error));
    }
  }
}
