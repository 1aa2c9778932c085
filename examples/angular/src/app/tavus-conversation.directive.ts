import { Directive, ElementRef, Input, inject } from '@angular/core';
import type { TavusConversation } from 'tavus-conversation';

/**
 * Typed property bindings for <tavus-conversation> in strict templates. CUSTOM_ELEMENTS_SCHEMA
 * lets Angular render the tag, but it then accepts any `[property]` on it unchecked. This
 * directive matches the tag and declares each property as an input of the element's own type, so
 * `[strings]="42"` is a template error; it hands every value to the element as a property.
 * (Events need nothing: `(tavus-utterance)` is typed from HTMLElementEventMap already.)
 */
@Directive({ selector: 'tavus-conversation' })
export class TavusConversationDirective {
  private readonly element = inject<ElementRef<TavusConversation>>(ElementRef).nativeElement;

  @Input() set conversationUrl(value: TavusConversation['conversationUrl']) {
    this.element.conversationUrl = value;
  }
  @Input() set conversationId(value: TavusConversation['conversationId']) {
    this.element.conversationId = value;
  }
  @Input() set conversationEndpoint(value: TavusConversation['conversationEndpoint']) {
    this.element.conversationEndpoint = value;
  }
  @Input() set autoStart(value: TavusConversation['autoStart']) {
    this.element.autoStart = value;
  }
  @Input() set variant(value: TavusConversation['variant']) {
    this.element.variant = value;
  }
  @Input() set open(value: TavusConversation['open']) {
    this.element.open = value;
  }
  @Input() set chatOpen(value: TavusConversation['chatOpen']) {
    this.element.chatOpen = value;
  }
  @Input() set cameraOff(value: TavusConversation['cameraOff']) {
    this.element.cameraOff = value;
  }
  @Input() set microphoneOff(value: TavusConversation['microphoneOff']) {
    this.element.microphoneOff = value;
  }
  @Input() set captions(value: TavusConversation['captions']) {
    this.element.captions = value;
  }
  @Input() set theme(value: TavusConversation['theme']) {
    this.element.theme = value;
  }
  @Input() set poster(value: TavusConversation['poster']) {
    this.element.poster = value;
  }
  @Input() set userName(value: TavusConversation['userName']) {
    this.element.userName = value;
  }
  @Input() set strings(value: TavusConversation['strings']) {
    this.element.strings = value;
  }
  @Input() set tools(value: TavusConversation['tools']) {
    this.element.tools = value;
  }
  @Input() set callFactory(value: TavusConversation['callFactory']) {
    this.element.callFactory = value;
  }
}
