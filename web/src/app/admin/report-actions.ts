import { MessageReportAction, OpenMessageReportsQuery } from './reports.generated';

export type Report = NonNullable<OpenMessageReportsQuery['messageReports']>['reports'][number];

/** What an administrator is asked before an action that cannot be taken back. */
export interface Confirmation {
  question: string;
  /** The button that takes the action. */
  confirm: string;
}

/**
 * The question asked before {@code action} is taken on a message of {@code author}; none before a
 * dismissal, which changes nothing.
 */
export function confirmationOf(action: MessageReportAction, author: string): Confirmation | null {
  switch (action) {
    case 'DISMISS':
      return null;
    case 'DELETE_MESSAGE':
      return {
        question: `Delete this message of ${author}? The members of its conversation will see it as deleted.`,
        confirm: 'Delete message',
      };
    case 'DISABLE_AUTHOR':
      return {
        question: `Disable the account of ${author}? They are signed out at once, and cannot sign in until an administrator enables it again.`,
        confirm: 'Disable author',
      };
  }
}

/** Who wrote the message reported. */
export function authorOf(report: Report): string {
  return report.message?.author?.username ?? 'an unknown author';
}
