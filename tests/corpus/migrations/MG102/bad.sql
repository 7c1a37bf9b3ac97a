DROP TABLE legacy_renders; -- expect: MG102
DROP TABLE IF EXISTS old_sessions, media.old_assets CASCADE; -- expect: MG102
