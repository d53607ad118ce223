import { DatePipe } from '@angular/common';
import { Component, ElementRef, OnInit, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { isForbidden } from '../graphql/forbidden';
import {
  MessageReportAction,
  OpenMessageReportsDocument,
  ResolveMessageReportDocument,
} from './reports.generated';
import { Confirmation, Report, authorOf, confirmationOf } from './report-actions';

/** The open reports shown at once: as many as the server answers in one page. */
const REPORTS_SHOWN = 100;

/**
 * The administrators' queue of reported messages, the newest first: each is dismissed, or resolved
 * by deleting the message or disabling its author once the administrator confirms it.
 */
@Component({
  selector: 'app-reports',
  imports: [DatePipe, RouterLink],
  templateUrl: './reports.page.html',
})
export class ReportsPage implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('confirmation');

  protected readonly reports = signal<Report[] | null>(null);
  /** Whether more open reports wait than are shown. */
  protected readonly more = signal(false);
  /** Whether the server refused the queue to the signed-in user, who is no administrator. */
  protected readonly refused = signal(false);
  protected readonly error = signal('');
  /** The action that waits for the administrator to confirm it. */
  protected readonly pending = signal<{
    report: Report;
    action: MessageReportAction;
    confirmation: Confirmation;
  } | null>(null);
  protected readonly authorOf = authorOf;

  ngOnInit(): void {
    this.load();
  }

  protected choose(report: Report, action: MessageReportAction): void {
    const confirmation = confirmationOf(action, authorOf(report));
    if (!confirmation) {
      this.resolve(report, action);
      return;
    }
    this.pending.set({ report, action, confirmation });
    const dialog = this.dialog().nativeElement;
    dialog.returnValue = '';
    dialog.showModal();
  }

  /** When the confirmation closes: the action is taken if it was confirmed, not if cancelled. */
  protected closed(): void {
    const pending = this.pending();
    this.pending.set(null);
    if (pending && this.dialog().nativeElement.returnValue === 'confirm') {
      this.resolve(pending.report, pending.action);
    }
  }

  private async load(): Promise<void> {
    try {
      const { data } = await firstValueFrom(
        this.apollo.query({
          query: OpenMessageReportsDocument,
          variables: { first: REPORTS_SHOWN },
          fetchPolicy: 'no-cache',
        }),
      );
      this.reports.set(data?.messageReports?.reports ?? []);
      this.more.set(Boolean(data?.messageReports?.nextToken));
    } catch (error) {
      if (isForbidden(error)) {
        this.refused.set(true);
      } else {
        this.error.set(`The reports could not be read: ${(error as Error).message}`);
      }
    }
  }

  private async resolve(report: Report, action: MessageReportAction): Promise<void> {
    this.error.set('');
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: ResolveMessageReportDocument,
          variables: { id: report.id, action },
          fetchPolicy: 'no-cache',
        }),
      );
    } catch (error) {
      this.error.set(`The report could not be resolved: ${(error as Error).message}`);
    }
    // Resolving a report resolves the other open reports of its message too: the queue is read again.
    await this.load();
  }
}
