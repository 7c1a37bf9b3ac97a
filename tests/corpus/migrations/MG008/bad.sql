ALTER TABLE videos ALTER COLUMN title SET NOT NULL; -- expect: MG008
-- A CHECK that was never validated proves nothing.
ALTER TABLE clips ADD CONSTRAINT ck_clips_video_id_not_null CHECK (video_id IS NOT NULL) NOT VALID;
ALTER TABLE clips ALTER COLUMN video_id SET NOT NULL; -- expect: MG008
