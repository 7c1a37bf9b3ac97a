DROP INDEX idx_videos_owner_id; -- expect: MG002
DROP INDEX IF EXISTS public.idx_users_email; -- expect: MG002
