-- Defined together with the new table, the constraint has no existing rows to check.
CREATE TABLE bookings (
    id bigint PRIMARY KEY,
    room_id bigint NOT NULL,
    during tstzrange NOT NULL,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
CREATE TABLE clip_spans (video_id bigint, span int8range);
ALTER TABLE clip_spans ADD EXCLUDE USING gist (video_id WITH =, span WITH &&);
