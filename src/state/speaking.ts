/** Who is speaking now, as the protocol's speaking events tell it. */
export interface Speaking {
  replica: boolean;
  user: boolean;
}

export const NOBODY_SPEAKING: Speaking = Object.freeze({ replica: false, user: false });
