ALTER TYPE video_status ADD VALUE IF NOT EXISTS 'ready';
ALTER TYPE video_status ADD VALUE 'archived' BEFORE 'deleted';
CREATE TYPE clip_kind AS ENUM ('video', 'audio', 'title');
ALTER TYPE clip_kind RENAME TO clip_type;
