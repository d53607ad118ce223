import { Component, inject } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { Analytics } from './analytics/analytics';
import { Session } from './auth/session';
import { Outbox } from './chat/outbox';
import { PersistedCache } from './offline/persisted-cache';
import { Connection } from './graphql/connection';

@Component({
  selector: 'app-root',
  imports: [RouterLink, RouterOutlet],
  template: `
    <header class="top-bar">
      <span class="brand">ChatQL</span>
      @if (session.signedIn()) {
        <span class="status" [class.online]="connection.online()" role="status">
          {{ connection.online() ? 'Online' : 'Offline' }}
        </span>
        @if (session.admin()) {
          <a routerLink="/admin">Dashboard</a>
        }
        <span class="username">{{ session.username() }}</span>
        <a routerLink="/settings">Settings</a>
        <button type="button" (click)="signOut()">Sign out</button>
      }
    </header>
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

  protected async signOut(): Promise<void> {
    await this.analytics.endSessionAndSend();
    await this.session.signOut();
    await this.apollo.client.clearStore();
    await Promise.all([this.persistedCache.clear(), this.outbox.clear(), this.analytics.clear()]);
    await this.router.navigateByUrl('/sign-in');
  }
}
