import { Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { Observable, firstValueFrom } from 'rxjs';
import {
  SetReadReceiptsDocument,
  SetShowLastSeenDocument,
  SettingsDocument,
  SettingsFieldsFragment,
  SettingsQuery,
} from './settings.generated';

/** My settings: whether others see that I read their messages, and when I was last seen. */
@Component({
  selector: 'app-settings',
  template: `
    <section class="card" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      @if (settings(); as settings) {
        <label class="setting"
          ><input
            #readReceipts
            type="checkbox"
            [checked]="settings.readReceipts"
            [disabled]="saving()"
            (change)="setReadReceipts(readReceipts)"
          />
          Send read receipts</label
        >
        <p class="hint">
          Others see when you have read what they wrote; without, you do not see theirs.
        </p>
        <label class="setting"
          ><input
            #showLastSeen
            type="checkbox"
            [checked]="settings.showLastSeen"
            [disabled]="saving()"
            (change)="setShowLastSeen(showLastSeen)"
          />
          Show when I was last seen</label
        >
        <p class="hint">People you share a conversation with see when you were last online.</p>
      } @else {
        <p class="hint">Loading your settings…</p>
      }
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
    </section>
  `,
})
export class SettingsPage implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly settings = signal<SettingsFieldsFragment | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal('');

  ngOnInit(): void {
    this.apollo
      .watchQuery({ query: SettingsDocument, fetchPolicy: 'cache-and-network' })
      .valueChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        const settings = (result.data as SettingsQuery | undefined)?.settings;
        if (settings) {
          this.settings.set(settings);
        }
      });
  }

  protected setReadReceipts(box: HTMLInputElement): Promise<void> {
    return this.save(box, (enabled) =>
      this.apollo.mutate({ mutation: SetReadReceiptsDocument, variables: { enabled } }),
    );
  }

  protected setShowLastSeen(box: HTMLInputElement): Promise<void> {
    return this.save(box, (enabled) =>
      this.apollo.mutate({ mutation: SetShowLastSeenDocument, variables: { enabled } }),
    );
  }

  /**
   * Saves the setting {@code box} was switched to: the cache holds my settings once, so the answer
   * shows as it is stored; a setting that could not be saved is switched back.
   */
  private async save(
    box: HTMLInputElement,
    change: (enabled: boolean) => Observable<unknown>,
  ): Promise<void> {
    this.error.set('');
    this.saving.set(true);
    try {
      await firstValueFrom(change(box.checked));
    } catch (error) {
      box.checked = !box.checked;
      this.error.set(`The setting could not be saved: ${(error as Error).message}`);
    } finally {
      this.saving.set(false);
    }
  }
}
