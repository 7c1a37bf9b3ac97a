REINDEX INDEX idx_videos_owner_id; -- expect: MG003
REINDEX TABLE videos; -- expect: MG003
REINDEX (VERBOSE) TABLE clips; -- expect: MG003
REINDEX (CONCURRENTLY false) INDEX idx_clips_video_id; -- expect: MG003
