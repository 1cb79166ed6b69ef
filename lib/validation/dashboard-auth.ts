import { z } from 'zod';

/** Dashboard sign-up, sign-in and password change. Messages are keys of Dashboard.auth.errors. */

// Mirrors lib/auth/auth.ts (PASSWORD_MIN/PASSWORD_MAX), which may not be imported into the browser.
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 128;

const email = z.string().trim().toLowerCase().min(1, 'email_required').max(254, 'email_invalid').pipe(z.email('email_invalid'));
const newPassword = z.string().min(PASSWORD_MIN, 'password_too_short').max(PASSWORD_MAX, 'password_too_long');
// A one-time link's token (lib/auth/email-links.ts); anything else is a link that does not work.
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'link_invalid');

/** Sign-up asks for the business and the address; the password is chosen on the emailed link's page. */
export const signUpSchema = z.object({
  businessName: z.string().trim().min(1, 'business_name_required').max(100, 'business_name_too_long'),
  email,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const finishSignUpSchema = z.object({ token: linkToken, password: newPassword });
export type FinishSignUpInput = z.infer<typeof finishSignUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'password_required').max(PASSWORD_MAX, 'password_too_long'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const signInLinkRequestSchema = z.object({ email });
export type SignInLinkRequestInput = z.infer<typeof signInLinkRequestSchema>;

export const signInLinkSchema = z.object({ token: linkToken });
export type SignInLinkInput = z.infer<typeof signInLinkSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'password_required').max(PASSWORD_MAX, 'password_too_long'),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: 'passwords_differ' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
