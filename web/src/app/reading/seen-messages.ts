import { Directive, ElementRef, Injectable, OnDestroy, OnInit, inject, input } from '@angular/core';
import { Message } from '../chat/messages';

/** A message is seen once this much of it, or of the screen's height, shows. */
const SEEN_RATIO = 0.5;

/**
 * The messages of a conversation the reader actually sees: those on screen, at least half of each
 * (or half the screen's height, for a long one), while the page is the visible tab. Each one seen
 * is told to {@code seen}, once more for those on screen whenever the tab shows again. Provided by
 * the conversation's screen, for the {@link SeenWhenShown} messages of its list.
 */
@Injectable()
export class SeenMessages implements OnDestroy {
  private readonly shown = new Map<Element, () => Message>();
  private readonly observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        this.showing(entry);
      }
      this.tell();
    },
    { threshold: [0, 0.25, SEEN_RATIO, 0.75, 1] },
  );
  private readonly observed = new Map<Element, () => Message>();
  private readonly visibilityChanged = () => this.tell();
  /** What is told of each message seen; set by the screen. */
  seen: (message: Message) => void = () => undefined;

  constructor() {
    document.addEventListener('visibilitychange', this.visibilityChanged);
  }

  observe(element: Element, message: () => Message): void {
    this.observed.set(element, message);
    this.observer.observe(element);
  }

  unobserve(element: Element): void {
    this.observed.delete(element);
    this.shown.delete(element);
    this.observer.unobserve(element);
  }

  ngOnDestroy(): void {
    this.observer.disconnect();
    document.removeEventListener('visibilitychange', this.visibilityChanged);
  }

  private showing(entry: IntersectionObserverEntry): void {
    const message = this.observed.get(entry.target);
    const screen = entry.rootBounds?.height ?? Number.POSITIVE_INFINITY;
    const enough =
      entry.isIntersecting &&
      (entry.intersectionRatio >= SEEN_RATIO ||
        entry.intersectionRect.height >= screen * SEEN_RATIO);
    if (message && enough) {
      this.shown.set(entry.target, message);
    } else {
      this.shown.delete(entry.target);
    }
  }

  private tell(): void {
    if (document.visibilityState !== 'visible') {
      return;
    }
    for (const message of this.shown.values()) {
      this.seen(message());
    }
  }
}

/** Makes the message of this element of a conversation's list one of its {@link SeenMessages}. */
@Directive({ selector: '[appSeenWhenShown]' })
export class SeenWhenShown implements OnInit, OnDestroy {
  private readonly element = inject<ElementRef<Element>>(ElementRef);
  private readonly messages = inject(SeenMessages);

  readonly message = input.required<Message>({ alias: 'appSeenWhenShown' });

  ngOnInit(): void {
    this.messages.observe(this.element.nativeElement, () => this.message());
  }

  ngOnDestroy(): void {
    this.messages.unobserve(this.element.nativeElement);
  }
}
