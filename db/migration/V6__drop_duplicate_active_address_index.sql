-- The primary key already serves every lookup by address, and the active-domain index serves the listings;
-- this partial index only cost a second b-tree write per imported or suppressed address.
drop index if exists suppression_active_address_idx;
