import { z } from 'zod';

/** Dashboard sign-up, sign-in and password change. Messages are keys of Dashboard.auth.errors. */

// Mirrors lib/auth/auth.ts (PASSWORD_MIN/PASSWORD_MAX), which may not be imported into the browser.
const PASSWORD_MIN = 10;
const PASSWORD_MAX = 128;

const email = z.string().trim().toLowerCase().min(1, 'email_required').max(254, 'email_invalid').pipe(z.email('email_invalid'));
const newPassword = z.string().min(PASSWORD_MIN, 'password_too_short').max(PASSWORD_MAX, 'password_too_long');

export const signUpSchema = z.object({
  businessName: z.string().trim().min(1, 'business_name_required').max(100, 'business_name_too_long'),
  email,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'password_required').max(PASSWORD_MAX, 'password_too_long'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'password_required').max(PASSWORD_MAX, 'password_too_long'),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'passwords_differ' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
