import { Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { Analytics } from './analytics/analytics';
import { Session } from './auth/session';
import { Outbox } from './chat/outbox';
import { PersistedCache } from './offline/persisted-cache';
import { Connection } from './graphql/connection';
import { initials } from './ui/avatar-look';
import { Menu, MenuItem } from './ui/menu';

/**
 * The shell: the top bar with the account menu (who is signed in, Settings, Sign out), a banner
 * while the connection is lost, and the page.
 */
@Component({
  selector: 'app-root',
  imports: [Menu, MenuItem, RouterLink, RouterOutlet],
  template: `
    <header class="top-bar">
      <a class="brand" routerLink="/chat">ChatQL</a>
      @if (session.signedIn()) {
        @if (session.admin()) {
          <a routerLink="/admin">Dashboard</a>
        }
        <app-menu class="account" label="Account" icon="" [style.--initials]="initials()">
          <button appMenuItem class="account-name" disabled>
            Signed in as <strong>{{ session.username() }}</strong>
          </button>
          <button appMenuItem (click)="openSettings()">Settings</button>
          <button appMenuItem (click)="signOut()">Sign out</button>
        </app-menu>
      }
    </header>
    @if (session.signedIn()) {
      <div role="status">
        @if (!connection.online()) {
          <p class="offline-banner">
            <strong>Offline.</strong> What you send waits, and goes once the connection is back.
          </p>
        }
      </div>
    }
    <router-outlet />
  `,
})
export class App {
  protected readonly session = inject(Session);
  protected readonly connection = inject(Connection);
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly outbox = inject(Outbox);
  private readonly persistedCache = inject(PersistedCache);
  private readonly analytics = inject(Analytics);

  /**
   * My initials, as a CSS string the account button shows: drawn by the style, they are not read
   * out in place of its label, "Account".
   */
  protected readonly initials = computed(() => `"${initials(this.session.username())}"`);

  protected openSettings(): void {
    this.router.navigateByUrl('/settings');
  }

  protected async signOut(): Promise<void> {
    await this.analytics.endSessionAndSend();
    await this.session.signOut();
    await this.apollo.client.clearStore();
    await Promise.all([this.persistedCache.clear(), this.outbox.clear(), this.analytics.clear()]);
    await this.router.navigateByUrl('/sign-in');
  }
}
