import {
  CUSTOM_ELEMENTS_SCHEMA,
  Component,
  type ElementRef,
  signal,
  viewChild,
} from '@angular/core';
import type { TavusConversation } from 'tavus-conversation';
import { createSimulatedCallFactory } from 'tavus-conversation/simulator';

import { TavusConversationDirective } from './tavus-conversation.directive';

@Component({
  selector: 'app-root',
  imports: [TavusConversationDirective],
  // <tavus-conversation> is a custom element: Angular renders it as is.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>tavus-conversation in Angular</h1>
      @if (shown()) {
        <tavus-conversation
          #conversation
          [attr.conversation-url]="conversationUrl"
          [strings]="strings"
          [callFactory]="callFactory"
          (tavus-utterance)="onUtterance($event)"
        ></tavus-conversation>
      }
      <p>
        <button id="say-hello" type="button" (click)="sayHello()">Say hello</button>
        <button id="unmount" type="button" (click)="shown.set(false)">
          Remove the conversation
        </button>
      </p>
      <ol id="utterances">
        @for (line of lines(); track $index) {
          <li>{{ line }}</li>
        }
      </ol>
    </main>
  `,
})
export class App {
  // An offline, simulated replica: no Tavus account needed. A real app sets
  // conversation-endpoint (its backend) instead of a call factory.
  protected readonly callFactory = createSimulatedCallFactory({ fast: true, seed: 7 });
  protected readonly conversationUrl = 'https://tavus.daily.co/example-angular';
  protected readonly strings = { start: 'Start talking (Angular)' };
  protected readonly shown = signal(true);
  protected readonly lines = signal<string[]>([]);
  private readonly conversation = viewChild<ElementRef<TavusConversation>>('conversation');

  constructor() {
    // For the example's browser test, which checks that removing the element ends the call.
    Object.assign(window, { tavusExample: { callFactory: this.callFactory } });
  }

  protected onUtterance(event: HTMLElementEventMap['tavus-utterance']) {
    const { role, speech } = event.detail.properties ?? {};
    this.lines.update((lines) => [...lines, `${role}: ${speech}`]);
  }

  protected async sayHello() {
    await this.conversation()?.nativeElement.respond('Hello from Angular');
  }
}
