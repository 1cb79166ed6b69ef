-- Hand-written data migration: dashboard session tokens are stored as their SHA-256 (hex) from now on
-- (lib/auth/hashed-session-tokens.ts). Hash the tokens of the sessions already open, so they stay signed in.
UPDATE "dashboard_sessions" SET "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex');
