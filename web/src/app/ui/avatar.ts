import { Component, computed, input } from '@angular/core';
import { avatarColour, initials } from './avatar-look';

/** A user's initials on their colour; decorative, as their name is always said beside it. */
@Component({
  selector: 'app-avatar',
  template: `{{ initials() }}`,
  host: {
    class: 'avatar',
    'aria-hidden': 'true',
    '[style.background]': 'colour()',
  },
})
export class Avatar {
  readonly userId = input.required<string>();
  readonly name = input.required<string>();

  protected readonly initials = computed(() => initials(this.name()));
  protected readonly colour = computed(() => avatarColour(this.userId()));
}
