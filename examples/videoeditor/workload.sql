-- The SQL the video editor application sends (examples/videoeditor/queries.py), one statement per
-- query shape, with parameter values from `python -m examples.videoeditor.seed --scale 1` (seed 42:
-- ids are deterministic). Input for `schemawise advise --workload` and `schemawise explain --file`.
--
-- Statements marked "writes" change data: run them under EXPLAIN, or in a transaction you roll back.
-- User 01945140-... is the busiest (3,704 videos at scale 1); user 01944ea8-... is a typical one (23).

-- videos_with_clips: the newest 50 videos of a user ...
SELECT id, user_id, title, description, status, duration_ms, tags, metadata, created_at
FROM videos
WHERE user_id = '01945140-2294-7ab4-9d85-8f3cac6161b7'
ORDER BY created_at DESC, id DESC
LIMIT 50;

-- ... and all their clips in one statement (selectinload), not one statement per video.
SELECT video_id, id, start_ms, end_ms, title, created_at
FROM clips
WHERE video_id IN (
    '019b76b6-2687-7a10-863d-95fc8704a3d1', '019b761e-9d67-7287-b046-af7d5d59bcdd', '019b75d4-7b1d-79ee-b187-c24ec96b6b09',
    '019b758e-f5ca-7999-8d34-2101d66209a5', '019b7539-ee3d-7058-ba09-5bf1971edbc9', '019b7466-3153-780a-963e-913563c692e4',
    '019b742c-1d94-742c-8f9e-526a82aa8bf8', '019b73e8-5e2b-7086-8fee-8a9c97ca2f51', '019b7323-5400-777a-9e49-7cf5a76e1a4f',
    '019b7301-00cf-7a2a-bb3c-86acba945900', '019b7300-8b3c-7d1c-9043-6a1c35487951', '019b723e-7948-7138-9f5e-1b92592c0f21',
    '019b720b-7589-7b8e-87cc-0b5f0ae5b0b3', '019b71e1-61a2-72cc-a7a7-bb9ddd002ae3', '019b710b-3051-7395-9f0b-ab6d7a48e692',
    '019b7106-a610-7cb0-a5dd-0a5f4f74d638', '019b707d-7b4b-7894-8c2e-bb619bd4c238', '019b7037-342e-7906-98d0-5e36e503b1cd',
    '019b6eee-27e1-7254-a7b8-2f687b4c5843', '019b6eaa-d47d-7922-8515-804be8a4b7f5', '019b6dfa-d428-7b0f-aae9-490820d021b4',
    '019b6daa-3577-7a9f-a807-20b86c5169c3', '019b6d43-7264-74f8-a525-3ad114dfc86d', '019b6d3d-1684-701b-85e7-254dd3220b9e',
    '019b6cfb-267f-78b9-963a-fa6605c6468a', '019b6cf5-5dbd-79f1-9b7c-e4b3c45fdbd1', '019b6bfe-9b3e-73b1-9012-98537882cb1b',
    '019b6ba5-7c01-7a8b-8237-43d16d18eece', '019b6b7d-4997-79eb-befa-384800fd7cce', '019b6b34-93ed-778a-94ab-19b3d6e089d7',
    '019b6ac1-a9b4-7006-b933-a5a3dccb97cc', '019b6a6a-8d96-7946-8c1b-9d67542d3d2d', '019b69ce-c0d8-7aad-8a53-d75b7d862ede',
    '019b68f2-793b-732b-a72a-5c95dd4519c4', '019b689e-68a4-717a-aea2-03d7c3a34395', '019b688e-dea8-7697-a4e1-606e21bd1cc9',
    '019b6820-f73f-70f8-a7fe-f2db919ddfb4', '019b65de-556c-7635-85be-8f2548032788', '019b6545-a961-7e85-8ae0-d0bb8ead5ced',
    '019b6478-e251-7167-9a6e-d63c5b239d69', '019b63ac-7c65-71ce-90ab-dcf886c4d602', '019b6387-9e11-751a-9f1f-9116c2ab88d9',
    '019b62fe-0e11-7c0d-b4bb-ae2fffd89c36', '019b62ef-1b9e-7801-83ae-1f6fcb6409f1', '019b62a8-9c4e-7824-a2ae-f785461a36ef',
    '019b6175-8d49-75f9-9573-06beaa2b9638', '019b605e-7ce3-7a71-bff6-be77f5d7de40', '019b5fd7-f7b6-78a4-ab78-90649e378584',
    '019b5fc0-fd95-7634-ab6d-11988689e20c', '019b5f8c-ea72-7267-b552-b95ff2c12186'
)
ORDER BY start_ms;

-- list_user_videos, first page (typical user): only the list view's columns, one extra row.
SELECT id, title, status, duration_ms, created_at
FROM videos
WHERE user_id = '01944ea8-2032-73f8-ac67-05d19f7ce2c9'
ORDER BY created_at DESC, id DESC
LIMIT 21;

-- list_user_videos, a later page (busiest user): keyset on (created_at, id), never OFFSET.
SELECT id, title, status, duration_ms, created_at
FROM videos
WHERE user_id = '01945140-2294-7ab4-9d85-8f3cac6161b7'
  AND (created_at, id) < ('2025-12-30 09:50:47.933+00', '019b6eaa-d47d-7922-8515-804be8a4b7f5')
ORDER BY created_at DESC, id DESC
LIMIT 21;

-- search_transcripts: full-text search over the generated tsvector, ranked, second page.
SELECT transcripts.id, transcripts.video_id, videos.title,
       ts_rank(transcripts.search_vector,
               websearch_to_tsquery('english'::regconfig, 'database migration')) AS rank
FROM transcripts
JOIN videos ON videos.id = transcripts.video_id
WHERE transcripts.search_vector @@ websearch_to_tsquery('english'::regconfig, 'database migration')
ORDER BY rank DESC, transcripts.id
LIMIT 20 OFFSET 20;

-- videos_with_tags: array containment, GIN on tags.
SELECT id, title, status, duration_ms, created_at
FROM videos
WHERE tags @> ARRAY['tutorial', 'vlog']::text[]
ORDER BY created_at DESC, id DESC
LIMIT 50;

-- videos_with_metadata: JSONB containment, GIN jsonb_path_ops on metadata.
SELECT id, title, status, duration_ms, created_at
FROM videos
WHERE metadata @> '{"codec": "av1", "fps": 60}'::jsonb
ORDER BY created_at DESC, id DESC
LIMIT 50;

-- transcript_with_segments: the transcript ...
SELECT id, video_id, language, full_text, word_count, search_vector, created_at
FROM transcripts
WHERE video_id = '019b76b6-2687-7a10-863d-95fc8704a3d1' AND language = 'en';

-- ... and its segments in time order.
SELECT transcript_id, id, start_ms, end_ms, speaker, content
FROM transcript_segments
WHERE transcript_id IN (SELECT id FROM transcripts WHERE video_id = '019b76b6-2687-7a10-863d-95fc8704a3d1' AND language = 'en')
ORDER BY start_ms;

-- top_highlights: backward scan of (video_id, score).
SELECT id, video_id, start_ms, end_ms, score, label, created_at
FROM highlights
WHERE video_id = '0194351a-fac4-7aba-8f98-398950905a28'
ORDER BY score DESC
LIMIT 5;

-- project_timeline: the project, its items in order, then their clips.
SELECT id, user_id, title, created_at FROM projects WHERE id = '01944097-db0b-7625-bf3c-b084d34ac9b1';

SELECT project_id, id, clip_id, position
FROM timeline_items
WHERE project_id IN ('01944097-db0b-7625-bf3c-b084d34ac9b1')
ORDER BY position;

SELECT id, video_id, start_ms, end_ms, title, created_at
FROM clips
WHERE id IN (SELECT clip_id FROM timeline_items WHERE project_id = '01944097-db0b-7625-bf3c-b084d34ac9b1');

-- claim_render_jobs (writes): the work queue, partial index on queued/running jobs.
UPDATE render_jobs
SET status = 'running', attempts = render_jobs.attempts + 1, started_at = now()
WHERE render_jobs.id IN (
    SELECT id FROM render_jobs
    WHERE status = 'queued'
    ORDER BY created_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
RETURNING id, project_id, status, attempts, settings, output_url, error, created_at, started_at,
          finished_at;

-- enqueue_render_job (writes)
INSERT INTO render_jobs (id, project_id, settings)
VALUES ('019ae4f0-0000-7000-8000-000000000001', '01944097-db0b-7625-bf3c-b084d34ac9b1', '{"format": "mp4"}'::jsonb)
RETURNING status, attempts, created_at;

-- finish_render_job (writes)
UPDATE render_jobs
SET status = 'succeeded', output_url = 'renders/0197d198-b10d-7e50-8bc1-b5c558a7a81d.mp4', error = NULL, finished_at = now()
WHERE id = '0197d198-b10d-7e50-8bc1-b5c558a7a81d';

-- delete_video (writes): one statement; ON DELETE CASCADE removes clips, transcripts, highlights.
DELETE FROM videos WHERE id = '019b76b6-2687-7a10-863d-95fc8704a3d1';
