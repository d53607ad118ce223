import { provideHttpClient, withFetch, withNoXsrfProtection } from '@angular/common/http';
import {
  ApplicationConfig,
  DestroyRef,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { Router, TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideApollo } from 'apollo-angular';
import { routes } from './app.routes';
import { Analytics } from './analytics/analytics';
import { createApollo } from './graphql/apollo';
import { Outbox } from './chat/outbox';
import { PersistedCache } from './offline/persisted-cache';
import { UnreadTitleStrategy } from './reading/unread-title';
import { provideServiceWorker } from '@angular/service-worker';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    // Each page's title tells how many messages are unread.
    { provide: TitleStrategy, useExisting: UnreadTitleStrategy },
    // The server authenticates by bearer token, never by cookie, and takes no XSRF token: reading
    // the cookies for one on every request would be work for nothing.
    provideHttpClient(withFetch(), withNoXsrfProtection()),
    provideApollo(createApollo),
    // What was seen, and what waits to be sent, is back before the first screen shows.
    provideAppInitializer(async () => {
      const cache = inject(PersistedCache);
      const outbox = inject(Outbox);
      await cache.restore();
      await outbox.restore();
    }),
    provideAppInitializer(() => {
      inject(Analytics).start(inject(Router), inject(DestroyRef));
    }),
    // Caches the app shell, so that the app opens with no network.
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:30000',
    }),
  ],
};
