import { Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AuthError, Session } from './session';

/**
 * The confirmation step of a new account: the 6-digit code the server sent by e-mail, and a way to
 * have a new one sent.
 */
@Component({
  selector: 'app-confirm-code',
  imports: [FormsModule],
  template: `
    <form class="card" (ngSubmit)="confirm()">
      <h1>Confirm your account</h1>
      <p>We sent a 6-digit code to the e-mail address of {{ username() }}. Enter it here.</p>
      <label
        >Code
        <input
          name="code"
          [(ngModel)]="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="6"
          required
      /></label>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      @if (resent()) {
        <p role="status">A new code is on its way, unless one was sent less than a minute ago.</p>
      }
      <button type="submit" [disabled]="busy()">Confirm</button>
      <button type="button" class="link" (click)="resend()" [disabled]="busy()">
        Send a new code
      </button>
    </form>
  `,
})
export class ConfirmCode {
  private readonly session = inject(Session);

  readonly username = input.required<string>();
  readonly confirmed = output<void>();

  protected code = '';
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly resent = signal(false);

  protected async confirm(): Promise<void> {
    const code = this.code.trim();
    if (!/^\d{6}$/.test(code)) {
      this.error.set('The code is the 6 digits in the e-mail.');
      return;
    }
    await this.run(async () => {
      await this.session.confirmSignUp(this.username(), code);
      this.confirmed.emit();
    });
  }

  protected async resend(): Promise<void> {
    await this.run(async () => {
      await this.session.resendConfirmation(this.username());
      this.resent.set(true);
    });
  }

  private async run(step: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set('');
    this.resent.set(false);
    try {
      await step();
    } catch (error) {
      this.error.set(error instanceof AuthError ? error.message : String(error));
    } finally {
      this.busy.set(false);
    }
  }
}
