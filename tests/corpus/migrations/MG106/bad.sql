TRUNCATE render_presets CASCADE; -- expect: MG106
TRUNCATE TABLE ONLY sessions, tokens RESTART IDENTITY CASCADE; -- expect: MG106
