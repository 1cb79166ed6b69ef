import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderDashboard } from '@/components/testing/render-dashboard';
import { DisputeEvidenceForm, type SubmitEvidenceAction } from './dispute-evidence-form';
import type { UploadEvidenceAction } from './evidence-file-field';

const pdf = () => new File(['%PDF-1.4\n%%EOF\n'], 'emails.pdf', { type: 'application/pdf' });

function renderForm() {
  const action = vi.fn<SubmitEvidenceAction>(() => Promise.resolve({ ok: true, data: undefined }));
  const upload = vi.fn<UploadEvidenceAction>(() => Promise.resolve({ ok: true, data: { id: 'file_abc123', filename: 'emails.pdf' } }));
  renderDashboard(<DisputeEvidenceForm initial={{}} action={action} upload={upload} />);
  return { action, upload };
}

describe('DisputeEvidenceForm', () => {
  it('nothing filled in → "Fill in at least one field or add a file." and nothing is sent', async () => {
    const { action } = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Review evidence' }));
    expect((await screen.findByTestId('form-error')).textContent).toBe('Fill in at least one field or add a file.');
    expect(action).not.toHaveBeenCalled();
  });

  it('a chosen file is uploaded at once; after the confirmation the evidence carries its id and the text typed', async () => {
    const { action, upload } = renderForm();
    await userEvent.type(screen.getByLabelText('Product or service description'), 'A cotton T-shirt.');
    await userEvent.upload(screen.getByLabelText('Customer communication (file)'), pdf());
    expect(await screen.findByText('Uploaded: emails.pdf')).toBeTruthy();
    const sent = upload.mock.calls[0][0].get('file');
    expect(sent instanceof File && sent.name).toBe('emails.pdf');
    await userEvent.click(screen.getByRole('button', { name: 'Review evidence' }));
    expect(await screen.findByText('Submit this evidence to the bank? You cannot change it afterwards.')).toBeTruthy();
    expect(action).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Submit evidence' }));
    await waitFor(() => {
      expect(action).toHaveBeenCalledTimes(1);
    });
    expect(action.mock.calls[0][0]).toMatchObject({
      product_description: 'A cotton T-shirt.',
      customer_communication: 'file_abc123',
      receipt: '',
    });
  });

  it('a file of another kind is refused before it is sent', async () => {
    const { upload } = renderForm();
    const field = screen.getByLabelText('Other file');
    await userEvent.upload(field, new File(['x'], 'notes.txt', { type: 'text/plain' }), { applyAccept: false });
    expect(await screen.findByText('Choose a PDF, PNG or JPEG file.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(upload).not.toHaveBeenCalled();
  });

  it('a malformed customer email is refused on its field', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Customer email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Review evidence' }));
    expect(await screen.findByText('Enter an email address such as jenny@example.com.')).toBeTruthy();
  });
});
