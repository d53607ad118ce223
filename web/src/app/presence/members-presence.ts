import { Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { GetAllUsersDocument, GetAllUsersQuery } from '../chat/people.generated';
import { PEOPLE_SHOWN } from '../chat/people';
import { Member } from '../safety/memberships';
import { Presence } from './presence-label';
import { PresenceMark } from './presence-mark';

/**
 * Whether the other members of a conversation are there, as the People list, kept in the cache by
 * the side bar and live by the presence feed, has it; with their names unless {@code named} is
 * false.
 */
@Component({
  selector: 'app-members-presence',
  imports: [PresenceMark],
  template: `
    <ul class="members-presence" aria-label="Who is there">
      @for (member of shown(); track member.id) {
        <li>
          <span [class.visually-hidden]="!named()">{{ member.username }}</span>
          <app-presence-mark [presence]="member.presence" [now]="now()" [labelled]="true" />
        </li>
      }
    </ul>
  `,
})
export class MembersPresence implements OnInit {
  private readonly apollo = inject(Apollo);
  private readonly destroyRef = inject(DestroyRef);

  readonly members = input.required<Member[]>();
  readonly now = input.required<Date>();
  /** Whether each member's name shows beside their presence; it is read out either way. */
  readonly named = input(true);

  private readonly presences = signal(new Map<string, Presence | null>());
  protected readonly shown = computed(() =>
    this.members().map((member) => ({ ...member, presence: this.presences().get(member.id) })),
  );

  ngOnInit(): void {
    this.apollo
      .watchQuery({
        query: GetAllUsersDocument,
        variables: { first: PEOPLE_SHOWN },
        fetchPolicy: 'cache-only',
      })
      .valueChanges.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        const users = (result.data as GetAllUsersQuery | undefined)?.allUser ?? [];
        this.presences.set(
          new Map(users.flatMap((user) => (user ? [[user.id, user.presence]] : []))),
        );
      });
  }
}
