UPDATE videos SET status = 'ready'; -- expect: MG016
DELETE FROM sessions; -- expect: MG016
UPDATE clips SET muted = false WHERE true; -- expect: MG016
DELETE FROM audit_log WHERE 1 = 1; -- expect: MG016
UPDATE public.users -- expect: MG016
SET email = lower(email);
