import { Directive, ElementRef, effect, inject, input } from '@angular/core';
import { Segment } from './mentions';

/**
 * Writes a message's content into its element exactly as it was written (spaces and line breaks
 * too, which a template would collapse), with each mention in a span of its own and each web address
 * a link that opens in a new tab.
 */
@Directive({ selector: '[appMessageContent]' })
export class MessageContent {
  readonly segments = input.required<Segment[]>({ alias: 'appMessageContent' });

  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    effect(() => {
      element.replaceChildren(
        ...this.segments().map((segment) => {
          if (segment.href) {
            // Never the message's own markup: the address is set as an attribute, the text as text.
            const link = document.createElement('a');
            link.href = segment.href;
            link.target = '_blank';
            link.rel = 'noopener noreferrer';
            link.textContent = segment.text;
            return link;
          }
          if (!segment.mention) {
            return document.createTextNode(segment.text);
          }
          const mention = document.createElement('span');
          mention.className = segment.mine ? 'mention me' : 'mention';
          mention.textContent = segment.text;
          return mention;
        }),
      );
    });
  }
}
