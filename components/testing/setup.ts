import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Each test renders into a fresh document: vitest runs without globals, so RTL cannot register this itself.
afterEach(() => {
  cleanup();
});

// happy-dom reports the form itself as the submitter of requestSubmit() called without one (browsers say
// null), and React's form actions then throw building FormData(form, submitter). The quantity field and the
// shipping radios submit this way, so the tests get the browsers' behaviour.
HTMLFormElement.prototype.requestSubmit = function (this: HTMLFormElement, submitter?: HTMLElement | null) {
  const noValidate = this.noValidate || (submitter instanceof HTMLButtonElement && submitter.formNoValidate);
  if (!noValidate && !this.checkValidity()) return;
  // Only the event: React's form actions prevent the navigation anyway, and happy-dom does not navigate.
  this.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: submitter ?? null }));
};
