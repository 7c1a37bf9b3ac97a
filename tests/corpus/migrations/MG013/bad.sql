ALTER TABLE bookings -- expect: MG013
    ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
ALTER TABLE clips ADD EXCLUDE USING gist (video_id WITH =, span WITH &&); -- expect: MG013
