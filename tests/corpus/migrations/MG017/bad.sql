ALTER TABLE events DETACH PARTITION events_2023; -- expect: MG017
ALTER TABLE public.metrics DETACH PARTITION metrics_old; -- expect: MG017
