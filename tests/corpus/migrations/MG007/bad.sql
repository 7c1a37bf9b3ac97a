ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email); -- expect: MG007
ALTER TABLE tags ADD PRIMARY KEY (id); -- expect: MG007
ALTER TABLE videos ADD COLUMN slug text UNIQUE; -- expect: MG007
