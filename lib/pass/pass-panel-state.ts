/** What the Pass panel of the checkout page shows after a form post: which step, and why the last one failed. */
export type PassPanelError = 'wrong' | 'locked' | 'rate_limited' | 'invalid_email' | 'unavailable';

export type PassPanelState = {
  step: 'email' | 'code';
  email: string;
  error: PassPanelError | null;
};

export type PassAction = (state: PassPanelState, form: FormData) => Promise<PassPanelState>;
