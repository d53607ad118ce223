import { Component, computed, inject, input } from '@angular/core';
import { Connection } from '../graphql/connection';
import { Presence, presenceLabel } from './presence-label';

/**
 * Someone's presence as a dot: green when online, hollow amber when away, grey when offline; its
 * label says which, and when someone offline was last seen, also as visible text when
 * {@code labelled}. Nothing shows for someone whose presence is unknown, nor while I am offline,
 * when it may be out of date.
 */
@Component({
  selector: 'app-presence-mark',
  template: `
    @if (label(); as label) {
      <span
        class="presence-dot"
        [class]="presence()?.status?.toLowerCase()"
        [attr.role]="labelled() ? null : 'img'"
        [attr.aria-label]="labelled() ? null : label"
        [attr.aria-hidden]="labelled() ? 'true' : null"
        [title]="label"
      ></span>
      @if (labelled()) {
        <span class="presence-label">{{ label }}</span>
      }
    }
  `,
  host: { class: 'presence' },
})
export class PresenceMark {
  private readonly connection = inject(Connection);

  readonly presence = input<Presence | null | undefined>();
  readonly now = input.required<Date>();
  /** Whether the label shows beside the dot. */
  readonly labelled = input(false);

  protected readonly label = computed(() => {
    const presence = this.presence();
    return presence && this.connection.online() ? presenceLabel(presence, this.now()) : '';
  });
}
