-- Linted first, as an earlier migration: these tables exist and their column types are known.
CREATE TABLE videos (
    id bigint PRIMARY KEY,
    title varchar(100),
    summary varchar(200),
    duration integer,
    price numeric(10, 2),
    client_ip cidr,
    recorded_at timestamp,
    published_at timestamp(3),
    code char(4),
    rating numeric(4, 1),
    notes text,
    payload json,
    flags bit(8)
);
