import { DecimalPipe } from '@angular/common';
import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { Analytics } from '../analytics/analytics';
import { Session } from '../auth/session';
import { Series } from './csv';
import {
  AnalyticsDashboardDocument,
  AnalyticsDashboardQuery,
  AnalyticsLiveDocument,
  AnalyticsLiveQuery,
} from './dashboard.generated';
import { TimeChart } from './time-chart';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Live connections are asked for again this often. */
const LIVE_EVERY_MS = 10_000;

/** The live chart shows the last hour. */
const LIVE_SAMPLES_KEPT = 360;

interface LiveSample {
  at: string;
  connections: number;
  subscriptions: number;
}

/** What administrators watch: activity over a range of days, as charts and CSV, and who is online. */
@Component({
  selector: 'app-dashboard',
  imports: [DecimalPipe, FormsModule, RouterLink, TimeChart],
  templateUrl: './dashboard.page.html',
})
export class DashboardPage implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly analytics = inject(Analytics);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly session = inject(Session);

  protected from = isoDay(Date.now() - 29 * DAY_MS);
  protected to = isoDay(Date.now());
  protected readonly error = signal('');
  private readonly data = signal<AnalyticsDashboardQuery | null>(null);
  protected readonly totals = computed(() => this.data()?.totals ?? null);
  /** Connections and subscriptions open now, asked for every 10 s while the page is open. */
  private readonly liveSamples = signal<LiveSample[]>([]);
  protected readonly live = computed(
    () => this.liveSamples().at(-1) ?? { at: '', connections: 0, subscriptions: 0 },
  );
  protected readonly liveChart = computed<Series[]>(() => [
    {
      label: 'Connections',
      color: '#0969da',
      points: this.liveSamples().map((sample) => ({ start: sample.at, value: sample.connections })),
    },
    {
      label: 'Subscriptions',
      color: '#bf3989',
      points: this.liveSamples().map((sample) => ({
        start: sample.at,
        value: sample.subscriptions,
      })),
    },
  ]);
  protected readonly charts = computed(() => {
    const data = this.data();
    if (!data) {
      return [];
    }
    const chart = (title: string, file: string, series: Series[]) => ({ title, file, series });
    return [
      chart('Active users', 'active-users', [
        { label: 'Daily', color: '#0969da', points: data.activeDaily },
        { label: 'Weekly', color: '#1a7f37', points: data.activeWeekly },
        { label: 'Monthly', color: '#8250df', points: data.activeMonthly },
      ]),
      chart('Sessions per day', 'sessions', [
        { label: 'Sessions', color: '#0969da', points: data.sessions },
      ]),
      chart('Average session length (seconds)', 'session-length', [
        { label: 'Seconds', color: '#bf3989', points: data.sessionSeconds },
      ]),
      chart('Messages per day', 'messages', [
        { label: 'Messages', color: '#1a7f37', points: data.messages },
      ]),
      chart('Conversations per day', 'conversations', [
        { label: 'Conversations', color: '#9a6700', points: data.conversations },
      ]),
    ];
  });

  ngOnInit(): void {
    if (!this.session.admin()) {
      return;
    }
    // What this browser recorded is sent first, so that it is counted too.
    this.analytics.send().finally(() => this.load());
    const polling = setInterval(() => this.refreshLive(), LIVE_EVERY_MS);
    this.destroyRef.onDestroy(() => clearInterval(polling));
  }

  protected load(): void {
    this.error.set('');
    this.apollo
      .query({
        query: AnalyticsDashboardDocument,
        variables: this.range(),
        fetchPolicy: 'network-only',
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          const data = result.data;
          if (data) {
            this.data.set(data);
            this.sampleLive(data.totals);
          }
        },
        error: (error: Error) => this.error.set(`The figures could not be read: ${error.message}`),
      });
  }

  private refreshLive(): void {
    this.apollo
      .query({
        query: AnalyticsLiveDocument,
        variables: this.range(),
        fetchPolicy: 'network-only',
      })
      .subscribe({
        next: (result) => {
          const totals = result.data?.analyticsTotals;
          if (totals) {
            this.sampleLive(totals);
          }
        },
        error: () => undefined,
      });
  }

  private sampleLive(totals: AnalyticsLiveQuery['analyticsTotals']): void {
    const sample = {
      at: new Date().toISOString(),
      connections: totals.liveConnections,
      subscriptions: totals.liveSubscriptions,
    };
    this.liveSamples.update((samples) => [...samples.slice(1 - LIVE_SAMPLES_KEPT), sample]);
  }

  /** The days picked, the last one included. */
  private range(): { from: string; to: string } {
    return { from: this.from, to: isoDay(Date.parse(this.to) + DAY_MS) };
  }
}

function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
