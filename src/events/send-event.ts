import type { Interaction } from '../protocol/types.js';

export interface TavusSendDetail {
  interaction: Interaction;
}

/** Fired after each interaction was handed to the call. */
export class TavusSendEvent extends CustomEvent<TavusSendDetail> {
  constructor(interaction: Interaction) {
    super('tavus-send', { detail: { interaction }, bubbles: true, composed: true });
  }
}
