-- The verification's guessing guard asks, per domain of a list, whether its addresses recently bounced as
-- unknown users; without this index that is a scan of every bounce.
create index bounce_event_unknown_user_domain_idx on bounce_event (recipient_domain, occurred_at)
    where classification = 'USER_UNKNOWN' and origin = 'RECIPIENT';
