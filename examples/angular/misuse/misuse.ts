// Wrong on purpose: `npm run test:examples` expects ngc (strictTemplates) to report each of these.
import { CUSTOM_ELEMENTS_SCHEMA, Component } from '@angular/core';

import { TavusConversationDirective } from '../src/app/tavus-conversation.directive';

@Component({
  selector: 'app-misuse',
  imports: [TavusConversationDirective],
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <tavus-conversation [strings]="42"></tavus-conversation>
    <tavus-conversation (tavus-utterance)="onNumber($event)"></tavus-conversation>
    <tavus-conversation [variant]="'sideways'"></tavus-conversation>
  `,
})
export class Misuse {
  protected onNumber(value: number) {
    console.log(value);
  }
}
